package org.lfenergy.sogno.sdk.async.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link JobManager}: a value object, {@link #defaults()} or {@link #builder()}. Setters
 * fail fast on nonsense values.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>workers</td><td>available processors</td><td>jobs running at once</td></tr>
 *   <tr><td>queueCapacity</td><td>1,000</td><td>accepted jobs waiting for a worker; more are
 *       refused with a 503 {@code queue-full} problem</td></tr>
 *   <tr><td>ttl</td><td>24 hours</td><td>how long a finished job, its result and its idempotency key
 *       stay (the guidelines ask for at least 24 h)</td></tr>
 *   <tr><td>jobsPath</td><td>{@code /v1/jobs}</td><td>path of the job resources, for links</td></tr>
 *   <tr><td>ownerScoped</td><td>true</td><td>a job is visible only to the principal that
 *       submitted it</td></tr>
 *   <tr><td>interruptOnCancel</td><td>true</td><td>cancel also interrupts the worker thread</td></tr>
 *   <tr><td>pollRetryAfter</td><td>1 s</td><td>{@code Retry-After} on unfinished jobs</td></tr>
 *   <tr><td>queueFullRetryAfter</td><td>5 s</td><td>{@code Retry-After} of a queue-full refusal</td></tr>
 *   <tr><td>maxWait</td><td>30 s</td><td>upper bound of a {@code Prefer: wait=N} long poll</td></tr>
 *   <tr><td>drainGrace</td><td>10 s</td><td>on {@link JobManager#close()}, how long running jobs may
 *       finish before they are cancelled</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class JobManagerConfig {
  /**
   * The SLF4J logger of job state changes on the server: INFO for each change (job id, kind, from →
   * to), WARN for a job that failed. Shared by every job runtime of the SDK.
   */
  public static final String LOGGER_NAME = "org.lfenergy.sogno.sdk.async.jobs";

  private final int workers;
  private final int queueCapacity;
  private final Duration ttl;
  private final String jobsPath;
  private final boolean ownerScoped;
  private final boolean interruptOnCancel;
  private final Duration pollRetryAfter;
  private final Duration queueFullRetryAfter;
  private final Duration maxWait;
  private final Duration drainGrace;

  private JobManagerConfig(Builder b) {
    this.workers = b.workers;
    this.queueCapacity = b.queueCapacity;
    this.ttl = b.ttl;
    this.jobsPath = b.jobsPath;
    this.ownerScoped = b.ownerScoped;
    this.interruptOnCancel = b.interruptOnCancel;
    this.pollRetryAfter = b.pollRetryAfter;
    this.queueFullRetryAfter = b.queueFullRetryAfter;
    this.maxWait = b.maxWait;
    this.drainGrace = b.drainGrace;
  }

  /** The defaults of the table above. */
  public static JobManagerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .workers(workers)
        .queueCapacity(queueCapacity)
        .ttl(ttl)
        .jobsPath(jobsPath)
        .ownerScoped(ownerScoped)
        .interruptOnCancel(interruptOnCancel)
        .pollRetryAfter(pollRetryAfter)
        .queueFullRetryAfter(queueFullRetryAfter)
        .maxWait(maxWait)
        .drainGrace(drainGrace);
  }

  public int workers() {
    return workers;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public Duration ttl() {
    return ttl;
  }

  public String jobsPath() {
    return jobsPath;
  }

  public boolean ownerScoped() {
    return ownerScoped;
  }

  public boolean interruptOnCancel() {
    return interruptOnCancel;
  }

  public Duration pollRetryAfter() {
    return pollRetryAfter;
  }

  public Duration queueFullRetryAfter() {
    return queueFullRetryAfter;
  }

  public Duration maxWait() {
    return maxWait;
  }

  public Duration drainGrace() {
    return drainGrace;
  }

  /** Builds a {@link JobManagerConfig}; not thread-safe. */
  public static final class Builder {
    private int workers = Runtime.getRuntime().availableProcessors();
    private int queueCapacity = 1_000;
    private Duration ttl = Duration.ofHours(24);
    private String jobsPath = "/v1/jobs";
    private boolean ownerScoped = true;
    private boolean interruptOnCancel = true;
    private Duration pollRetryAfter = Duration.ofSeconds(1);
    private Duration queueFullRetryAfter = Duration.ofSeconds(5);
    private Duration maxWait = Duration.ofSeconds(30);
    private Duration drainGrace = Duration.ofSeconds(10);

    private Builder() {}

    /** @throws IllegalArgumentException unless {@code workers >= 1} */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, was " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** @throws IllegalArgumentException if negative (0 = only as many jobs as workers) */
    public Builder queueCapacity(int queueCapacity) {
      if (queueCapacity < 0) {
        throw new IllegalArgumentException("queueCapacity must be >= 0, was " + queueCapacity);
      }
      this.queueCapacity = queueCapacity;
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder ttl(Duration ttl) {
      this.ttl = positive(ttl, "ttl");
      return this;
    }

    /** @throws IllegalArgumentException unless it starts with '/' and does not end with one */
    public Builder jobsPath(String jobsPath) {
      if (jobsPath == null || !jobsPath.startsWith("/") || jobsPath.endsWith("/")) {
        throw new IllegalArgumentException(
            "jobsPath must start with '/' and not end with one, was " + jobsPath);
      }
      this.jobsPath = jobsPath;
      return this;
    }

    public Builder ownerScoped(boolean ownerScoped) {
      this.ownerScoped = ownerScoped;
      return this;
    }

    public Builder interruptOnCancel(boolean interruptOnCancel) {
      this.interruptOnCancel = interruptOnCancel;
      return this;
    }

    /** @throws IllegalArgumentException unless positive; sent rounded up to whole seconds */
    public Builder pollRetryAfter(Duration pollRetryAfter) {
      this.pollRetryAfter = positive(pollRetryAfter, "pollRetryAfter");
      return this;
    }

    /** @throws IllegalArgumentException unless positive; sent rounded up to whole seconds */
    public Builder queueFullRetryAfter(Duration queueFullRetryAfter) {
      this.queueFullRetryAfter = positive(queueFullRetryAfter, "queueFullRetryAfter");
      return this;
    }

    /** @throws IllegalArgumentException if negative (zero turns long polling off) */
    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /**
     * How long {@link JobManager#close()} lets running jobs finish before it cancels them.
     *
     * @throws IllegalArgumentException if negative (zero cancels running jobs at once)
     */
    public Builder drainGrace(Duration drainGrace) {
      Objects.requireNonNull(drainGrace, "drainGrace");
      if (drainGrace.isNegative()) {
        throw new IllegalArgumentException("drainGrace must not be negative, was " + drainGrace);
      }
      this.drainGrace = drainGrace;
      return this;
    }

    public JobManagerConfig build() {
      return new JobManagerConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
