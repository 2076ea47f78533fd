package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
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

  @Test
  void withoutConfigurationJobsRunInProcess() throws Exception {
    try (JobRuntime runtime = JobRuntime.fromEnvironment(Map.of(), kinds, config)) {
      assertThat(runtime.mode()).isEqualTo(JobRuntime.Mode.LOCAL);
      assertThat(runAndRead(runtime)).isEqualTo("\"hello ada\"");
    }
  }

  @Test
  void kafkaModeRunsTheSameSubmissionThroughTheShareGroup() throws Exception {
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
    try (JobRuntime runtime = JobRuntime.fromEnvironment(environment, kinds, config)) {
      assertThat(runtime.mode()).isEqualTo(JobRuntime.Mode.KAFKA);
      assertThat(runAndRead(runtime)).isEqualTo("\"hello ada\"");
    }
  }

  @Test
  void anUnknownModeOrAMalformedValueNamesTheVariable() {
    assertThatThrownBy(() -> JobRuntime.fromEnvironment(Map.of("SOGNO_JOBS_MODE", "cluster"), kinds, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOGNO_JOBS_MODE");
    assertThatThrownBy(() -> JobRuntime.fromEnvironment(
            Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_WORKERS", "many"), kinds, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOGNO_JOBS_WORKERS='many'");
    assertThatThrownBy(() -> JobRuntime.fromEnvironment(
            Map.of("SOGNO_JOBS_MODE", "kafka", "SOGNO_JOBS_DELIVERY_LIMIT", "1"), kinds, config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOGNO_JOBS_DELIVERY_LIMIT");
  }
}
