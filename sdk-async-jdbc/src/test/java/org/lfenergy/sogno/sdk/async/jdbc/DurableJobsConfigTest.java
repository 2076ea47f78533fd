package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;

/** The settings of durable jobs and the store, from builders and from the environment. */
class DurableJobsConfigTest {
  @TempDir Path dataDir;

  @Test
  void theEnvironmentOverridesTheDefaults() {
    DurableJobsConfig config = DurableJobsConfig.fromEnvironment(Map.of("SOGNO_JOBS_WORKERS", "3",
        "SOGNO_JOBS_REPLICA_ID", "pod-7", "SOGNO_JOBS_LEASE_SECONDS", "12", "SOGNO_JOBS_MAX_ATTEMPTS", "5",
        "SOGNO_JOBS_DRAIN_SECONDS", "0"));

    assertThat(config.workers()).isEqualTo(3);
    assertThat(config.replicaId()).isEqualTo("pod-7");
    assertThat(config.leaseDuration()).isEqualTo(Duration.ofSeconds(12));
    assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(4));
    assertThat(config.maxAttempts()).isEqualTo(5);
    assertThat(config.drainGrace()).isZero();
    DurableJobsConfig unset = DurableJobsConfig.fromEnvironment(Map.of("SOGNO_JOBS_WORKERS", " "));
    assertThat(unset).usingRecursiveComparison().ignoringFields("replicaId").isEqualTo(DurableJobsConfig.defaults());
  }

  @Test
  void badValuesAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> DurableJobsConfig.fromEnvironment(Map.of("SOGNO_JOBS_WORKERS", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOGNO_JOBS_WORKERS");
    assertThatThrownBy(() -> DurableJobsConfig.builder().workers(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workers");
    assertThatThrownBy(() -> DurableJobsConfig.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> DurableJobsConfig.builder().leaseDuration(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseDuration");
    assertThatThrownBy(() -> DurableJobsConfig.builder().leaseDuration(Duration.ofSeconds(3))
        .heartbeatInterval(Duration.ofSeconds(3)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThatThrownBy(() -> DurableJobsConfig.builder().drainGrace(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drainGrace");
    assertThatThrownBy(() -> JdbcJobStore.builder(new org.h2.jdbcx.JdbcDataSource()).sweepBatchSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sweepBatchSize");
  }

  @Test
  void aStoreUrlOfAnotherDatabaseIsRefusedWithoutItsSecrets() {
    assertThatThrownBy(() -> JdbcJobStores.fromEnvironment(
        Map.of("SOGNO_JOBS_JDBC_URL", "jdbc:mysql://db/jobs?password=secret")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql://db/jobs")
        .hasMessageNotContaining("secret");
  }

  @Test
  void anUnreachableDatabaseIsReportedAsUnavailable() {
    assertThatThrownBy(() -> JdbcJobStores.open("jdbc:postgresql://127.0.0.1:1/jobs", "postgres", "secret"))
        .isInstanceOf(JobStoreUnavailableException.class).hasMessageNotContaining("secret");
  }

  @Test
  void oneCallRunsDurableJobsInTheDataDirectoryOfTheEnvironment() {
    JobKinds kinds = JobKinds.builder().kind("echo", String.class, (text, ctx) -> text).build();
    try (DurableJobs jobs = DurableJobs.fromEnvironment(Map.of("SOGNO_JOBS_DIR", dataDir.toString()), kinds,
        JobManagerConfig.defaults())) {
      Job job = jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "hi"));
      Awaitility.await().until(() -> jobs.jobManager().get(job.id(), null).status() == JobStatus.SUCCEEDED);
    }
    assertThat(dataDir.resolve("jobs.mv.db")).exists();
    assertThat(Files.isRegularFile(dataDir.resolve("jobs.mv.db"))).isTrue();
  }
}
