package org.lfenergy.sogno.sdk.async.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/** Replicas of one service sharing fresh topics and a fresh share group on the test broker. */
final class Cluster implements AutoCloseable {
  static final Duration LOCK = Duration.ofSeconds(3);
  static final int DELIVERY_LIMIT = 3;

  /** A broker whose share-group lock durations may be as short as a second. */
  static EmbeddedKafkaExtension broker() {
    return EmbeddedKafkaExtension.withBroker(b -> b
        .brokerProperty("group.share.min.record.lock.duration.ms", "1000")
        .brokerProperty("group.share.record.lock.duration.ms", "3000")
        .brokerProperty("group.share.min.delivery.count.limit", "2")
        .brokerProperty("group.share.delivery.count.limit", "3")
        // a killed worker process leaves the group after 6 s instead of 45 s
        .brokerProperty("group.share.min.session.timeout.ms", "2000")
        .brokerProperty("group.share.session.timeout.ms", "6000")
        .brokerProperty("group.share.min.heartbeat.interval.ms", "500")
        .brokerProperty("group.share.heartbeat.interval.ms", "1000"));
  }

  private final KafkaConfig settings;
  private final String suffix = TestTopics.uniqueName("t").replaceAll("[^a-zA-Z0-9]", "");
  private final List<DistributedJobs> replicas = new ArrayList<>();
  private final List<DistributedJobs> crashed = new ArrayList<>();
  private UnaryOperator<DistributedJobsConfig.Builder> tuning = UnaryOperator.identity();
  private JobManagerConfig managerConfig = JobManagerConfig.builder().ownerScoped(false).build();
  private ObservabilityConfig observability = ObservabilityConfig.defaults();

  Cluster(EmbeddedKafkaExtension kafka) {
    this.settings = KafkaConfig.of(kafka.bootstrapServers());
  }

  KafkaConfig settings() {
    return settings;
  }

  String suffix() {
    return suffix;
  }

  /**
   * Changes the settings of the replicas started from now on (all replicas of a cluster must share
   * them: start none before), e.g. a shorter lock.
   */
  Cluster tune(UnaryOperator<DistributedJobsConfig.Builder> tuning) {
    this.tuning = tuning;
    return this;
  }

  /** The job manager settings of the replicas started from now on; default: not owner-scoped. */
  Cluster managerConfig(JobManagerConfig managerConfig) {
    this.managerConfig = managerConfig;
    return this;
  }

  /** Where the replicas started from now on record spans; default none. */
  Cluster observability(ObservabilityConfig observability) {
    this.observability = observability;
    return this;
  }

  /** The request topic of the cluster's jobs. */
  String requestTopic() {
    return "sogno.jobs-" + suffix + ".requested.v1";
  }

  /** The settings every replica of a cluster shares; {@code suffix} names its topics and group. */
  static DistributedJobs.Builder replicaBuilder(KafkaConfig settings, String suffix, String id, int workers, JobKinds kinds) {
    return replicaBuilder(settings, suffix, id, workers, kinds, UnaryOperator.identity());
  }

  /** {@link #replicaBuilder(KafkaConfig, String, String, int, JobKinds)} with the cluster's tuning. */
  static DistributedJobs.Builder replicaBuilder(KafkaConfig settings, String suffix, String id, int workers, JobKinds kinds,
      UnaryOperator<DistributedJobsConfig.Builder> tuning) {
    return DistributedJobs.builder()
        .kafka(settings)
        .kinds(kinds)
        .config(tuning.apply(config(suffix, id, workers)).build())
        .managerConfig(JobManagerConfig.builder().ownerScoped(false).build());
  }

  /** The tuning of a one-partition cluster whose replicas fetch {@code batch} requests at a time. */
  static UnaryOperator<DistributedJobsConfig.Builder> batched(int batch) {
    return config -> config.fetchBatch(batch).partitions(1);
  }

  private static DistributedJobsConfig.Builder config(String suffix, String id, int workers) {
    return DistributedJobsConfig.builder()
        .requestTopic("sogno.jobs-" + suffix + ".requested.v1")
        .stateTopic("sogno.jobs-" + suffix + ".state.v1")
        .shareGroup("jobs-" + suffix)
        .partitions(3)
        .replicationFactor(1)
        .workers(workers)
        .lockDuration(LOCK)
        .heartbeatInterval(Duration.ofMillis(1000))
        .deliveryLimit(DELIVERY_LIMIT)
        .visibilityWait(Duration.ofSeconds(5))
        .replicaId(id);
  }

  DistributedJobs replica(String id, int workers, JobKinds kinds, JobListener... listeners) {
    DistributedJobs.Builder builder = replicaBuilder(settings, suffix, id, workers, kinds, tuning)
        .managerConfig(managerConfig)
        .observability(observability);
    for (JobListener listener : listeners) {
      builder.listener(listener);
    }
    DistributedJobs replica = builder.start();
    replicas.add(replica);
    return replica;
  }

  void crash(DistributedJobs replica) {
    replica.crash();
    replicas.remove(replica);
    crashed.add(replica);
  }

  @Override
  public void close() {
    replicas.forEach(DistributedJobs::close);
    crashed.forEach(DistributedJobs::closeCrashed);
  }
}
