package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

class JobRuntimeTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  private final JobKinds kinds = JobKinds.builder()
      .kind("greet", String.class, (name, ctx) -> "hello " + name)
      .build();
  private final JobManagerConfig config = JobManagerConfig.builder().ownerScoped(false).build();

  private String runAndRead(JobRuntime runtime) throws Exception {
    Job job = runtime.jobManager().submit(JobSubmission.builder("greet").build(), kinds.work("greet", "ada"));
    Job done = runtime.jobManager().awaitCompletion(job.id(), null, Duration.ofSeconds(30)).get();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    return new String(runtime.jobManager().result(job.id(), null).body(), StandardCharsets.UTF_8);
  }

  /** The runs of {@code greet} the registry timed as succeeded, once one is. */
  private static long succeededRuns(SimpleMeterRegistry registry) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> registry.find("sogno.jobs.duration").tags("kind", "greet", "outcome", "succeeded").timer() != null);
    return registry.find("sogno.jobs.duration").tags("kind", "greet", "outcome", "succeeded").timer().count();
  }

  @Test
  void withoutConfigurationJobsRunInProcess() throws Exception {
    try (JobRuntime runtime = JobRuntime.fromEnvironment(Map.of(), kinds, config)) {
      assertThat(runtime.mode()).isEqualTo(JobRuntime.Mode.LOCAL);
      assertThat(runAndRead(runtime)).isEqualTo("\"hello ada\"");
    }
  }

  @Test
  void theObservabilityConfigGoesToTheInProcessManager() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservabilityConfig observability = ObservabilityConfig.builder().meterRegistry(registry).build();
    try (JobRuntime runtime = JobRuntime.fromEnvironment(Map.of(), kinds, config, observability)) {
      runAndRead(runtime);
      assertThat(succeededRuns(registry)).isEqualTo(1);
      assertThat(registry.find("sogno.jobs.queued").gauge()).isNotNull();
    }
  }

  @Test
  void kafkaModeRunsTheSameSubmissionThroughTheShareGroupObservedAsConfigured() throws Exception {
    String suffix = TestTopics.uniqueName("r").replaceAll("[^a-zA-Z0-9]", "");
    Map<String, String> environment = Map.of(
        "SOGNO_JOBS_MODE", "kafka",
        "SOGNO_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "SOGNO_JOBS_WORKERS", "1",
        "SOGNO_JOBS_SHARE_GROUP", "jobs-" + suffix,
        "SOGNO_JOBS_REQUEST_TOPIC", "sogno.jobs-" + suffix + ".requested.v1",
        "SOGNO_JOBS_STATE_TOPIC", "sogno.jobs-" + suffix + ".state.v1",
        "SOGNO_JOBS_LOCK_SECONDS", "3",
        "SOGNO_JOBS_REPLICATION_FACTOR", "1",
        "SOGNO_JOBS_REPLICA_ID", "env");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservabilityConfig observability = ObservabilityConfig.builder().meterRegistry(registry).build();
    try (JobRuntime runtime = JobRuntime.fromEnvironment(environment, kinds, config, observability)) {
      assertThat(runtime.mode()).isEqualTo(JobRuntime.Mode.KAFKA);
      assertThat(runAndRead(runtime)).isEqualTo("\"hello ada\"");
      assertThat(succeededRuns(registry)).as("timed by the distributed workers").isEqualTo(1);
      assertThat(registry.find("sogno.jobs.running").gauge()).isNotNull();
    }
  }

  @Test
  void anUnknownModeOrAMalformedValueNamesTheVariable() {
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "cluster"), "SOGNO_JOBS_MODE");
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_WORKERS", "many"), "SOGNO_JOBS_WORKERS='many'");
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_DELIVERY_LIMIT", "1"), "SOGNO_JOBS_DELIVERY_LIMIT");
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_WRITE_LINGER_MS", "-1"),
        "SOGNO_JOBS_WRITE_LINGER_MS");
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_STATE_FETCH_WAIT_MS", "1000"),
        "SOGNO_JOBS_STATE_FETCH_WAIT_MS");
    assertRefusedNaming(Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_FETCH_BATCH", "0"), "SOGNO_JOBS_FETCH_BATCH");
  }

  private void assertRefusedNaming(Map<String, String> environment, String named) {
    assertThatThrownBy(() -> JobRuntime.fromEnvironment(environment, kinds, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
  }
}
