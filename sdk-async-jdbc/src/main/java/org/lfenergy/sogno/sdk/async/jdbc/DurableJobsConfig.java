package org.lfenergy.sogno.sdk.async.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Settings of {@link DurableJobs}: a value object, {@link #defaults()} or {@link #builder()}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>workers</td><td>available processors</td><td>jobs this replica runs at once</td></tr>
 *   <tr><td>replicaId</td><td>{@code HOSTNAME} (or {@code replica}) plus a random suffix</td><td>names
 *       this replica's leases and must differ between replicas running at once; set a stable one
 *       (e.g. a StatefulSet pod name) and a restarted replica takes its own running jobs back at
 *       once instead of after the lease</td></tr>
 *   <tr><td>leaseDuration</td><td>30 s</td><td>how long a claimed job stays with a replica that
 *       stopped renewing it; then another replica (or this one, restarted) runs it again</td></tr>
 *   <tr><td>heartbeatInterval</td><td>a third of the lease</td><td>how often running jobs' leases
 *       are renewed and cancellation requests are read</td></tr>
 *   <tr><td>pollInterval</td><td>500 ms</td><td>how often an idle replica looks for queued jobs
 *       (jobs submitted on this replica start at once)</td></tr>
 *   <tr><td>maxAttempts</td><td>3</td><td>runs a job gets; a job interrupted on its last run
 *       ends {@code failed} with a {@code job-interrupted} problem</td></tr>
 *   <tr><td>drainGrace</td><td>30 s</td><td>on close, how long running jobs may finish before they
 *       are re-queued</td></tr>
 *   <tr><td>sweepInterval</td><td>1 min</td><td>how often expired jobs are deleted (in batches)</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class DurableJobsConfig {
  private static final DurableJobsConfig DEFAULTS = new Builder().build();

  private final int workers;
  private final String replicaId;
  private final Duration leaseDuration;
  private final Duration heartbeatInterval;
  private final Duration pollInterval;
  private final int maxAttempts;
  private final Duration drainGrace;
  private final Duration sweepInterval;

  private DurableJobsConfig(Builder b) {
    this.workers = b.workers;
    this.replicaId = b.replicaId;
    this.leaseDuration = b.leaseDuration;
    this.heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : b.leaseDuration.dividedBy(3);
    this.pollInterval = b.pollInterval;
    this.maxAttempts = b.maxAttempts;
    this.drainGrace = b.drainGrace;
    this.sweepInterval = b.sweepInterval;
  }

  /** The defaults of the table above. */
  public static DurableJobsConfig defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults, overridden by the environment variables {@code SOGNO_JOBS_WORKERS}, {@code
   * SOGNO_JOBS_REPLICA_ID}, {@code SOGNO_JOBS_LEASE_SECONDS}, {@code SOGNO_JOBS_MAX_ATTEMPTS} and
   * {@code SOGNO_JOBS_DRAIN_SECONDS} where set.
   *
   * @throws IllegalArgumentException naming the variable if a value is not a number or out of range
   */
  public static DurableJobsConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, reading the variables from {@code environment}. */
  public static DurableJobsConfig fromEnvironment(Map<String, String> environment) {
    Builder b = builder();
    integer(environment, "SOGNO_JOBS_WORKERS").ifPresent(b::workers);
    Optional.ofNullable(environment.get("SOGNO_JOBS_REPLICA_ID")).filter(id -> !id.isBlank()).ifPresent(b::replicaId);
    integer(environment, "SOGNO_JOBS_LEASE_SECONDS").ifPresent(seconds -> b.leaseDuration(Duration.ofSeconds(seconds)));
    integer(environment, "SOGNO_JOBS_MAX_ATTEMPTS").ifPresent(b::maxAttempts);
    integer(environment, "SOGNO_JOBS_DRAIN_SECONDS").ifPresent(seconds -> b.drainGrace(Duration.ofSeconds(seconds)));
    return b.build();
  }

  private static Optional<Integer> integer(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder().workers(workers).replicaId(replicaId).leaseDuration(leaseDuration)
        .pollInterval(pollInterval).maxAttempts(maxAttempts).drainGrace(drainGrace).sweepInterval(sweepInterval);
    b.heartbeatInterval = heartbeatInterval;
    return b;
  }

  public int workers() {
    return workers;
  }

  public String replicaId() {
    return replicaId;
  }

  public Duration leaseDuration() {
    return leaseDuration;
  }

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration drainGrace() {
    return drainGrace;
  }

  public Duration sweepInterval() {
    return sweepInterval;
  }

  @Override
  public String toString() {
    return "DurableJobsConfig{workers=" + workers + ", replicaId=" + replicaId + ", leaseDuration=" + leaseDuration
        + ", heartbeatInterval=" + heartbeatInterval + ", pollInterval=" + pollInterval + ", maxAttempts="
        + maxAttempts + ", drainGrace=" + drainGrace + ", sweepInterval=" + sweepInterval + '}';
  }

  /** Builds a {@link DurableJobsConfig}; not thread-safe. */
  public static final class Builder {
    private int workers = Runtime.getRuntime().availableProcessors();
    private String replicaId = defaultReplicaId();
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Duration heartbeatInterval;
    private Duration pollInterval = Duration.ofMillis(500);
    private int maxAttempts = 3;
    private Duration drainGrace = Duration.ofSeconds(30);
    private Duration sweepInterval = Duration.ofMinutes(1);

    private Builder() {}

    /** @throws IllegalArgumentException unless at least 1 */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1: " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** @throws IllegalArgumentException if blank */
    public Builder replicaId(String replicaId) {
      if (replicaId == null || replicaId.isBlank()) {
        throw new IllegalArgumentException("replicaId must not be blank: " + replicaId);
      }
      this.replicaId = replicaId;
      return this;
    }

    /** @throws IllegalArgumentException unless at least 1 s */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = atLeast(leaseDuration, Duration.ofSeconds(1), "leaseDuration");
      return this;
    }

    /** @throws IllegalArgumentException unless positive; {@link #build()} checks it is shorter than the lease */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = atLeast(heartbeatInterval, Duration.ofMillis(1), "heartbeatInterval");
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = atLeast(pollInterval, Duration.ofMillis(1), "pollInterval");
      return this;
    }

    /** @throws IllegalArgumentException unless at least 1 */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** @throws IllegalArgumentException if negative (zero re-queues running jobs at once) */
    public Builder drainGrace(Duration drainGrace) {
      this.drainGrace = atLeast(drainGrace, Duration.ZERO, "drainGrace");
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder sweepInterval(Duration sweepInterval) {
      this.sweepInterval = atLeast(sweepInterval, Duration.ofMillis(1), "sweepInterval");
      return this;
    }

    /** @throws IllegalArgumentException if the heartbeat is not shorter than the lease */
    public DurableJobsConfig build() {
      if (heartbeatInterval != null && heartbeatInterval.compareTo(leaseDuration) >= 0) {
        throw new IllegalArgumentException("heartbeatInterval must be shorter than leaseDuration: "
            + heartbeatInterval + " >= " + leaseDuration);
      }
      return new DurableJobsConfig(this);
    }

    private static Duration atLeast(Duration value, Duration minimum, String name) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(minimum) < 0) {
        throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
      }
      return value;
    }

    /** Unique per process even when two replicas share a host name: leases are fenced by it. */
    private static String defaultReplicaId() {
      String host = System.getenv("HOSTNAME");
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      return (host != null && !host.isBlank() ? host : "replica") + "-" + suffix;
    }
  }
}
