package org.lfenergy.sogno.sdk.async.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Settings of {@link DistributedJobs}: a value object, {@link #defaults()} or {@link #builder()}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>requestTopic</td><td>{@code sogno.jobs.requested.v1}</td><td>job requests, taken by the share group</td></tr>
 *   <tr><td>stateTopic</td><td>{@code sogno.jobs.state.v1}</td><td>compacted job state, read by every replica</td></tr>
 *   <tr><td>shareGroup</td><td>{@code sogno-jobs}</td><td>the share group of the workers</td></tr>
 *   <tr><td>partitions / replicationFactor</td><td>6 / 3</td><td>of both topics when provisioned</td></tr>
 *   <tr><td>workers</td><td>available processors</td><td>jobs this replica runs at once (0: accepts and answers only)</td></tr>
 *   <tr><td>fetchBatch</td><td>1</td><td>worker slots sharing one share consumer, which takes up to that many
 *       job requests per fetch and fetches again once all of them ended</td></tr>
 *   <tr><td>lockDuration</td><td>30 s</td><td>share-group acquisition lock = a worker's lease
 *       (group config {@code share.record.lock.duration.ms})</td></tr>
 *   <tr><td>heartbeatInterval</td><td>lockDuration / 3</td><td>how often a running job renews its lock and lease</td></tr>
 *   <tr><td>deliveryLimit</td><td>5</td><td>deliveries before a job fails (group config {@code share.delivery.count.limit})</td></tr>
 *   <tr><td>visibilityWait</td><td>2 s</td><td>how long a replica waits to see a job written by another one</td></tr>
 *   <tr><td>writeTimeout</td><td>10 s</td><td>bound of every write to Kafka (job state, job request): when
 *       Kafka is unreachable a submission fails within it with a 503 {@code job-state-unavailable}</td></tr>
 *   <tr><td>writeLinger</td><td>1 ms</td><td>how long a write waits for others to share its request
 *       to Kafka (the producers' {@code linger.ms})</td></tr>
 *   <tr><td>stateFetchWait</td><td>5 ms</td><td>how long the broker may gather job state records before
 *       answering this replica's state reader (its {@code fetch.max.wait.ms})</td></tr>
 *   <tr><td>replicaId</td><td>random</td><td>names this replica in leases and client ids</td></tr>
 * </table>
 *
 * <p>{@code writeLinger} and {@code stateFetchWait} trade a few milliseconds for fewer requests to the
 * broker under load: with the defaults a replica of 32 slots runs over a thousand short jobs a second
 * where unlingered writes and immediate fetches reach about two thirds of that (docs/benchmarks.md,
 * P7), while submit → start on an idle worker and seeing another replica's write take up to the two
 * waits longer. Zero for both gives the lowest latency.
 *
 * <p>{@code fetchBatch} above 1 trades slot independence for fewer requests: the slots of a batch take
 * their jobs in one fetch instead of one fetch each, so short jobs run about twice as fast
 * (docs/benchmarks.md, distributed job throughput), but a batch fetches again only once its longest
 * job ended — meanwhile its other slots stay idle. Keep 1 when job durations vary widely.
 *
 * <p>Immutable and thread-safe.
 */
public final class DistributedJobsConfig {
  private final String requestTopic;
  private final String stateTopic;
  private final String shareGroup;
  private final int partitions;
  private final int replicationFactor;
  private final int workers;
  private final int fetchBatch;
  private final Duration lockDuration;
  private final Duration heartbeatInterval;
  private final Duration heartbeatSet; // as set, null when it follows the lock (toBuilder keeps that)
  private final int deliveryLimit;
  private final Duration visibilityWait;
  private final Duration writeTimeout;
  private final Duration writeLinger;
  private final Duration stateFetchWait;
  private final String replicaId;

  private DistributedJobsConfig(Builder b) {
    this.requestTopic = b.requestTopic;
    this.stateTopic = b.stateTopic;
    this.shareGroup = b.shareGroup;
    this.partitions = b.partitions;
    this.replicationFactor = b.replicationFactor;
    this.workers = b.workers;
    this.fetchBatch = b.fetchBatch;
    this.lockDuration = b.lockDuration;
    this.heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : b.lockDuration.dividedBy(3);
    this.heartbeatSet = b.heartbeatInterval;
    this.deliveryLimit = b.deliveryLimit;
    this.visibilityWait = b.visibilityWait;
    this.writeTimeout = b.writeTimeout;
    this.writeLinger = b.writeLinger;
    this.stateFetchWait = b.stateFetchWait;
    this.replicaId = b.replicaId;
  }

  public static DistributedJobsConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder()
        .requestTopic(requestTopic)
        .stateTopic(stateTopic)
        .shareGroup(shareGroup)
        .partitions(partitions)
        .replicationFactor(replicationFactor)
        .workers(workers)
        .fetchBatch(fetchBatch)
        .lockDuration(lockDuration)
        .deliveryLimit(deliveryLimit)
        .visibilityWait(visibilityWait)
        .writeTimeout(writeTimeout)
        .writeLinger(writeLinger)
        .stateFetchWait(stateFetchWait)
        .replicaId(replicaId);
    builder.heartbeatInterval = heartbeatSet;
    return builder;
  }

  public String requestTopic() {
    return requestTopic;
  }

  public String stateTopic() {
    return stateTopic;
  }

  public String shareGroup() {
    return shareGroup;
  }

  public int partitions() {
    return partitions;
  }

  public int replicationFactor() {
    return replicationFactor;
  }

  public int workers() {
    return workers;
  }

  public int fetchBatch() {
    return fetchBatch;
  }

  public Duration lockDuration() {
    return lockDuration;
  }

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  public int deliveryLimit() {
    return deliveryLimit;
  }

  public Duration visibilityWait() {
    return visibilityWait;
  }

  /**
   * How long a write to Kafka may take (the producers' {@code max.block.ms}, {@code delivery.timeout.ms}
   * and {@code request.timeout.ms}); past it the write fails with {@link JobStateUnavailableException}.
   */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /**
   * How long a write to Kafka waits for other writes to go in the same request (the producers'
   * {@code linger.ms}); every awaited write takes up to this much longer.
   */
  public Duration writeLinger() {
    return writeLinger;
  }

  /**
   * How long the broker may wait for more job state records before answering this replica's state
   * reader (its {@code fetch.max.wait.ms}, with a {@code fetch.min.bytes} of 64 KiB); zero answers at
   * once. Seeing another replica's write, and a worker's first sight of a job it was handed, take up to
   * this much longer.
   */
  public Duration stateFetchWait() {
    return stateFetchWait;
  }

  public String replicaId() {
    return replicaId;
  }

  /** Builds a {@link DistributedJobsConfig}; setters fail fast on nonsense values. Not thread-safe. */
  public static final class Builder {
    private String requestTopic = "sogno.jobs.requested.v1";
    private String stateTopic = "sogno.jobs.state.v1";
    private String shareGroup = "sogno-jobs";
    private int partitions = 6;
    private int replicationFactor = 3;
    private int workers = Runtime.getRuntime().availableProcessors();
    private int fetchBatch = 1;
    private Duration lockDuration = Duration.ofSeconds(30);
    private Duration heartbeatInterval;
    private int deliveryLimit = 5;
    private Duration visibilityWait = Duration.ofSeconds(2);
    private Duration writeTimeout = Duration.ofSeconds(10);
    private Duration writeLinger = Duration.ofMillis(1);
    private Duration stateFetchWait = Duration.ofMillis(5);
    private String replicaId = UUID.randomUUID().toString().substring(0, 8);

    private Builder() {}

    public Builder requestTopic(String requestTopic) {
      this.requestTopic = text(requestTopic, "requestTopic");
      return this;
    }

    public Builder stateTopic(String stateTopic) {
      this.stateTopic = text(stateTopic, "stateTopic");
      return this;
    }

    public Builder shareGroup(String shareGroup) {
      this.shareGroup = text(shareGroup, "shareGroup");
      return this;
    }

    public Builder partitions(int partitions) {
      this.partitions = atLeast(partitions, 1, "partitions");
      return this;
    }

    public Builder replicationFactor(int replicationFactor) {
      this.replicationFactor = atLeast(replicationFactor, 1, "replicationFactor");
      return this;
    }

    /** Jobs this replica runs at once; 0 makes a replica that only accepts and answers. */
    public Builder workers(int workers) {
      this.workers = atLeast(workers, 0, "workers");
      return this;
    }

    /**
     * Worker slots sharing one share consumer, 1 to 500: it takes up to that many job requests per
     * fetch and fetches again once all of them ended (the last consumer of a replica gets the slots
     * left over). 1, the default, gives each slot its own consumer.
     *
     * @throws IllegalArgumentException naming {@code fetchBatch} if out of range
     */
    public Builder fetchBatch(int fetchBatch) {
      if (fetchBatch > 500) {
        throw new IllegalArgumentException("fetchBatch must be at most 500, was " + fetchBatch);
      }
      this.fetchBatch = atLeast(fetchBatch, 1, "fetchBatch");
      return this;
    }

    /** At least 1 s (the broker's {@code group.share.min.record.lock.duration.ms} must allow it). */
    public Builder lockDuration(Duration lockDuration) {
      Objects.requireNonNull(lockDuration, "lockDuration");
      if (lockDuration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("lockDuration must be at least 1 s, was " + lockDuration);
      }
      this.lockDuration = lockDuration;
      return this;
    }

    /** Must be shorter than the lock duration; default a third of it. */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
      if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
        throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
      }
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    /** At least 2 (Kafka's lower bound for share groups). */
    public Builder deliveryLimit(int deliveryLimit) {
      this.deliveryLimit = atLeast(deliveryLimit, 2, "deliveryLimit");
      return this;
    }

    public Builder visibilityWait(Duration visibilityWait) {
      Objects.requireNonNull(visibilityWait, "visibilityWait");
      if (visibilityWait.isNegative()) {
        throw new IllegalArgumentException("visibilityWait must not be negative, was " + visibilityWait);
      }
      this.visibilityWait = visibilityWait;
      return this;
    }

    /**
     * Bound of every write to Kafka: a submission, cancellation or state change fails within it (a
     * submission with a 503 {@code job-state-unavailable}) when Kafka is unreachable. At least 1 s.
     *
     * @throws IllegalArgumentException naming {@code writeTimeout} if shorter
     */
    public Builder writeTimeout(Duration writeTimeout) {
      Objects.requireNonNull(writeTimeout, "writeTimeout");
      if (writeTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("writeTimeout must be at least 1 s, was " + writeTimeout);
      }
      this.writeTimeout = writeTimeout;
      return this;
    }

    /**
     * Zero or more, below 1 s (the producers' {@code linger.ms}); whole milliseconds.
     *
     * @throws IllegalArgumentException naming {@code writeLinger} if negative or 1 s or more
     */
    public Builder writeLinger(Duration writeLinger) {
      this.writeLinger = shortWait(writeLinger, "writeLinger");
      return this;
    }

    /**
     * Zero or more, below 1 s (the state reader's {@code fetch.max.wait.ms}); whole milliseconds.
     *
     * @throws IllegalArgumentException naming {@code stateFetchWait} if negative or 1 s or more
     */
    public Builder stateFetchWait(Duration stateFetchWait) {
      this.stateFetchWait = shortWait(stateFetchWait, "stateFetchWait");
      return this;
    }

    public Builder replicaId(String replicaId) {
      this.replicaId = text(replicaId, "replicaId");
      return this;
    }

    /** @throws IllegalArgumentException if the heartbeat interval is not shorter than the lock */
    public DistributedJobsConfig build() {
      if (heartbeatInterval != null && heartbeatInterval.compareTo(lockDuration) >= 0) {
        throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval
            + " must be shorter than lockDuration " + lockDuration);
      }
      return new DistributedJobsConfig(this);
    }

    private static String text(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration shortWait(Duration wait, String name) {
      Objects.requireNonNull(wait, name);
      if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(1)) >= 0) {
        throw new IllegalArgumentException(name + " must be at least 0 and below 1 s, was " + wait);
      }
      return wait;
    }

    private static int atLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
      }
      return value;
    }
  }
}
