package org.lfenergy.sogno.sdk.async.kafka;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * A service's job manager in the mode its configuration asks for — the switch between the in-memory
 * default and distributed execution, with the same {@link JobManager} API either way.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code SOGNO_JOBS_MODE}</td><td>{@code local} (default) or {@code kafka}</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_WORKERS}</td><td>worker slots of this replica (kafka mode)</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_FETCH_BATCH}</td><td>slots sharing one share consumer (kafka mode; {@link
 *       DistributedJobsConfig.Builder#fetchBatch})</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_SHARE_GROUP}, {@code SOGNO_JOBS_REQUEST_TOPIC},
 *       {@code SOGNO_JOBS_STATE_TOPIC}</td><td>see {@link DistributedJobsConfig}</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_LOCK_SECONDS}, {@code SOGNO_JOBS_DELIVERY_LIMIT}, {@code SOGNO_JOBS_WRITE_TIMEOUT_SECONDS},
 *       {@code SOGNO_JOBS_WRITE_LINGER_MS}, {@code SOGNO_JOBS_STATE_FETCH_WAIT_MS},
 *       {@code SOGNO_JOBS_REPLICATION_FACTOR}, {@code SOGNO_JOBS_REPLICA_ID}</td><td>idem</td></tr>
 *   <tr><td>{@code SOGNO_KAFKA_*}</td><td>the Kafka connection ({@link KafkaConfig#fromEnvironment})</td></tr>
 * </table>
 *
 * <p>Thread-safe; {@link #close()} closes the manager (and, in kafka mode, the replica's Kafka clients).
 */
public final class JobRuntime implements AutoCloseable {
  /** How jobs run. */
  public enum Mode {
    /** In this process, on the manager's own workers; state in memory. */
    LOCAL,
    /** On any replica's workers through a Kafka share group; state in a compacted topic. */
    KAFKA
  }

  private final Mode mode;
  private final JobManager manager;
  private final DistributedJobs distributed;

  private JobRuntime(Mode mode, JobManager manager, DistributedJobs distributed) {
    this.mode = mode;
    this.manager = manager;
    this.distributed = distributed;
  }

  /** The runtime {@code System.getenv()} asks for, recording no metrics and no spans. */
  public static JobRuntime fromEnvironment(JobKinds kinds, JobManagerConfig config, JobListener... listeners) {
    return fromEnvironment(System.getenv(), kinds, config, ObservabilityConfig.defaults(), listeners);
  }

  /**
   * The runtime {@code System.getenv()} asks for, recording job metrics and spans as {@code
   * observability} says in either mode.
   */
  public static JobRuntime fromEnvironment(JobKinds kinds, JobManagerConfig config, ObservabilityConfig observability,
      JobListener... listeners) {
    return fromEnvironment(System.getenv(), kinds, config, observability, listeners);
  }

  /**
   * The runtime {@code environment} asks for, recording no metrics and no spans.
   *
   * @throws IllegalArgumentException naming the variable, for an unknown mode or a malformed value
   */
  public static JobRuntime fromEnvironment(
      Map<String, String> environment, JobKinds kinds, JobManagerConfig config, JobListener... listeners) {
    return fromEnvironment(environment, kinds, config, ObservabilityConfig.defaults(), listeners);
  }

  /**
   * The runtime {@code environment} asks for; {@code observability} goes to whichever runtime it
   * builds ({@link JobManager.Builder#observability} or {@link DistributedJobs.Builder#observability}),
   * so the same meters, spans and log lines describe jobs in both modes.
   *
   * @throws IllegalArgumentException naming the variable, for an unknown mode or a malformed value
   */
  public static JobRuntime fromEnvironment(Map<String, String> environment, JobKinds kinds, JobManagerConfig config,
      ObservabilityConfig observability, JobListener... listeners) {
    Objects.requireNonNull(observability, "observability");
    String modeName = environment.getOrDefault("SOGNO_JOBS_MODE", "local").trim().toUpperCase(Locale.ROOT);
    Mode mode;
    try {
      mode = Mode.valueOf(modeName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SOGNO_JOBS_MODE must be 'local' or 'kafka', was '" + modeName + "'", e);
    }
    if (mode == Mode.LOCAL) {
      JobManager.Builder builder = JobManager.builder().config(config).observability(observability);
      for (JobListener listener : listeners) {
        builder.listener(listener);
      }
      return new JobRuntime(mode, builder.build(), null);
    }
    DistributedJobsConfig.Builder distributedConfig = DistributedJobsConfig.builder();
    Env env = new Env(environment);
    env.integer("SOGNO_JOBS_WORKERS", distributedConfig::workers);
    env.integer("SOGNO_JOBS_FETCH_BATCH", distributedConfig::fetchBatch);
    env.text("SOGNO_JOBS_SHARE_GROUP", distributedConfig::shareGroup);
    env.text("SOGNO_JOBS_REQUEST_TOPIC", distributedConfig::requestTopic);
    env.text("SOGNO_JOBS_STATE_TOPIC", distributedConfig::stateTopic);
    env.integer("SOGNO_JOBS_LOCK_SECONDS", seconds -> distributedConfig.lockDuration(Duration.ofSeconds(seconds)));
    env.integer("SOGNO_JOBS_DELIVERY_LIMIT", distributedConfig::deliveryLimit);
    env.integer("SOGNO_JOBS_WRITE_TIMEOUT_SECONDS", seconds -> distributedConfig.writeTimeout(Duration.ofSeconds(seconds)));
    env.integer("SOGNO_JOBS_WRITE_LINGER_MS", millis -> distributedConfig.writeLinger(Duration.ofMillis(millis)));
    env.integer("SOGNO_JOBS_STATE_FETCH_WAIT_MS", millis -> distributedConfig.stateFetchWait(Duration.ofMillis(millis)));
    env.integer("SOGNO_JOBS_REPLICATION_FACTOR", distributedConfig::replicationFactor);
    env.text("SOGNO_JOBS_REPLICA_ID", distributedConfig::replicaId);
    DistributedJobs.Builder builder = DistributedJobs.builder()
        .kafka(KafkaConfig.fromEnvironment(environment))
        .kinds(kinds)
        .config(distributedConfig.build())
        .managerConfig(config)
        .observability(observability);
    for (JobListener listener : listeners) {
      builder.listener(listener);
    }
    DistributedJobs distributed = builder.start();
    return new JobRuntime(mode, distributed.jobManager(), distributed);
  }

  public Mode mode() {
    return mode;
  }

  /** The job manager; the same API in both modes. */
  public JobManager jobManager() {
    return manager;
  }

  @Override
  public void close() {
    if (distributed != null) {
      distributed.close();
    } else {
      manager.close();
    }
  }

  /** Reads optional variables into a builder, naming the variable when a value is malformed. */
  private static final class Env {
    private final Map<String, String> environment;

    Env(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
    }

    void text(String name, Consumer<String> target) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        apply(name, value, () -> target.accept(value.trim()));
      }
    }

    void integer(String name, Consumer<Integer> target) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        apply(name, value, () -> target.accept(Integer.parseInt(value.trim())));
      }
    }

    private static void apply(String name, String value, Runnable setter) {
      try {
        setter.run();
      } catch (IllegalArgumentException e) { // NumberFormatException included
        throw new IllegalArgumentException(name + "='" + value + "' is not valid: " + e.getMessage(), e);
      }
    }
  }
}
