package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.TypeRef;

/**
 * The packaged service killed with SIGKILL while one power flow runs and another waits for the only
 * worker, then started again on the same data directory and port: both jobs finish under their ids, and
 * the SDK's {@link JobHandle}, polling through the restart, gets each result — never {@code
 * job-not-found}, never a hang.
 */
class PowerFlowCrashIT {
  private static final Backoff THROUGH_A_RESTART = Backoff.builder().initialDelay(Duration.ofMillis(300))
      .maxDelay(Duration.ofSeconds(2)).maxAttempts(Integer.MAX_VALUE).maxTotalTime(Duration.ofMinutes(3)).build();

  @TempDir Path dir;

  @Test
  void runningAndQueuedPowerFlowsFinishUnderTheirIdsAfterTheServiceIsKilledAndRestarted() throws Exception {
    int port = ServiceJar.freePort();
    Map<String, String> env = new HashMap<>(Map.of("SOGNO_AUTH_DISABLED", "true",
        "SOGNO_JOBS_DIR", dir.resolve("jobs").toString(), "SOGNO_JOB_WORKERS", "1"));
    env.put(ServiceConfig.ITERATION_PAUSE, "PT5S"); // the first run stays mid-job until the kill
    ServiceJar first = ServiceJar.start(port, env, dir.resolve("first.log"));
    SognoClient client = patientClient(first.baseUri().toString());
    JobHandle<PowerFlowResult> running;
    JobHandle<PowerFlowResult> queued;
    CompletableFuture<PowerFlowResult> runningResult;
    CompletableFuture<PowerFlowResult> queuedResult;
    try {
      running = startPowerFlow(client);
      HttpTestClient http = new HttpTestClient(first.baseUri());
      await().atMost(Duration.ofMinutes(1)).until(() -> "running".equals(
          http.get("/v1/jobs/" + running.jobId()).json().get("status")));
      queued = startPowerFlow(client);
      assertThat(queued.lastKnown()).hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.QUEUED));
      runningResult = running.toCompletableFuture();
      queuedResult = queued.toCompletableFuture();
    } finally {
      first.kill();
    }
    assertThat(runningResult).isNotDone();

    env.remove(ServiceConfig.ITERATION_PAUSE);
    try (ServiceJar second = ServiceJar.start(port, env, dir.resolve("second.log"))) {
      assertSolved(runningResult.get(3, TimeUnit.MINUTES));
      assertSolved(queuedResult.get(3, TimeUnit.MINUTES));
      assertThat(running.lastKnown()).hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
      assertThat(queued.lastKnown()).hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
      assertThat(second.output()).as("the running job was found interrupted and queued again")
          .contains("Recovered 1 interrupted jobs");
    }
  }

  private static JobHandle<PowerFlowResult> startPowerFlow(SognoClient client) {
    return JobHandle.start(client, ApiRequest.builder("POST", "/v1/powerflows").jsonBody(Ieee14.requestTree()).build(),
            ResponseReader.json(new TypeRef<PowerFlowResult>() {}))
        .withPolling(PollingConfig.builder().longPollWait(Duration.ofSeconds(2)).backoff(THROUGH_A_RESTART).build());
  }

  /**
   * Calls that outlast a restart: refused connections are retried, and no circuit breaker opens on
   * them (an open breaker fails the poll with {@code CircuitOpenException}, which polling does not retry).
   */
  private static SognoClient patientClient(String baseUrl) {
    RetryConfig retry = RetryConfig.builder().backoff(THROUGH_A_RESTART.toBuilder().maxAttempts(60)
        .maxTotalTime(Duration.ofMinutes(1)).build()).build();
    return SognoClient.builder().baseUrl(baseUrl).retry(retry).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  private static void assertSolved(PowerFlowResult result) {
    assertThat(result.getConverged()).isTrue();
    assertThat(result.getBuses()).hasSize(14);
    assertThat(result.getBuses().get(3).getVoltagePu()).isCloseTo(Ieee14.publishedSolution().get(3).voltagePu(),
        within(0.002));
  }
}
