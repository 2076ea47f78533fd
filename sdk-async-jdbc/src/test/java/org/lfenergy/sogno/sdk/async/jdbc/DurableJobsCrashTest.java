package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.async.jdbc.testing.ServiceProcess;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.TypeRef;

/**
 * A service on the embedded default killed with SIGKILL while a job runs or waits, started again on
 * the same data directory and port: the job runs (again) and finishes under the same id, and a client
 * polling through the restart gets its result — never {@code job-not-found}, never a hang.
 */
class DurableJobsCrashTest {
  @TempDir Path dataDir;
  @TempDir Path control;

  @Test
  void aJobRunningWhenTheServiceIsKilledFinishesAfterTheRestart() throws Exception {
    String database = "dir:" + dataDir;
    ServiceProcess first = ServiceProcess.start(database, 0, control, "first", 30);
    int port = first.port();
    SognoClient client = patientClient(first.baseUrl());
    JobHandle<Map<String, Object>> handle;
    CompletableFuture<Map<String, Object>> result;
    try {
      handle = greet(client, "grid");
      Path started = control.resolve("started-" + handle.jobId());
      await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(started));
      result = handle.toCompletableFuture();
    } finally {
      first.kill();
    }

    Path started = control.resolve("started-" + handle.jobId());
    try (ServiceProcess second = ServiceProcess.start(database, port, control, "second", 30)) {
      await().atMost(Duration.ofMinutes(1)).until(() -> Files.readAllLines(started).size() == 2);
      assertThat(second.port()).isEqualTo(port);
      Files.createFile(control.resolve("release"));

      Map<String, Object> greeting = result.get(3, TimeUnit.MINUTES);
      assertThat(greeting).containsEntry("greeting", "hello grid").containsEntry("replica", "second");
      assertThat(handle.lastKnown()).hasValueSatisfying(job -> assertThat(job.status().isTerminal()).isTrue());
    }
  }

  @Test
  void aJobQueuedWhenTheServiceIsKilledRunsAfterTheRestart() throws Exception {
    String database = "dir:" + dataDir;
    ServiceProcess first = ServiceProcess.start(database, 0, control, "first", 30, 1);
    int port = first.port();
    SognoClient client = patientClient(first.baseUrl());
    JobHandle<Map<String, Object>> queued;
    CompletableFuture<Map<String, Object>> result;
    try {
      JobHandle<Map<String, Object>> running = greet(client, "first in line");
      await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(control.resolve("started-" + running.jobId())));
      queued = greet(client, "waiting");
      assertThat(queued.lastKnown()).hasValueSatisfying(job -> assertThat(job.status().value()).isEqualTo("queued"));
      result = queued.toCompletableFuture();
    } finally {
      first.kill();
    }
    assertThat(control.resolve("started-" + queued.jobId())).doesNotExist();

    try (ServiceProcess second = ServiceProcess.start(database, port, control, "second", 30, 1)) {
      Files.createFile(control.resolve("release"));
      assertThat(result.get(3, TimeUnit.MINUTES)).containsEntry("greeting", "hello waiting");
      assertThat(Files.readAllLines(control.resolve("started-" + queued.jobId()))).hasSize(1);
    }
  }

  /** Starts a greeting job; its handle polls with long polls of 2 s and retries through a restart. */
  private static JobHandle<Map<String, Object>> greet(SognoClient client, String name) {
    return JobHandle.start(client,
            ApiRequest.builder("POST", "/v1/greetings").jsonBody(Map.of("name", name)).build(), GREETING)
        .withPolling(PollingConfig.builder().longPollWait(Duration.ofSeconds(2))
            .backoff(Backoff.builder().initialDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(1))
                .maxAttempts(Integer.MAX_VALUE).maxTotalTime(Duration.ofMinutes(5)).build()).build());
  }

  private static final ResponseReader<Map<String, Object>> GREETING =
      ResponseReader.json(new TypeRef<Map<String, Object>>() {});

  /**
   * A client whose calls outlast a restart: connection failures are retried for up to a minute, and
   * no circuit breaker opens on the refused connections of the restart (an open breaker fails the
   * poll with {@code CircuitOpenException}, which polling does not retry).
   */
  static SognoClient patientClient(String baseUrl) {
    return SognoClient.builder().baseUrl(baseUrl).circuitBreaker(CircuitBreakerConfig.disabled())
        .retry(RetryConfig.builder().backoff(Backoff.builder().initialDelay(Duration.ofMillis(300))
            .maxDelay(Duration.ofSeconds(2)).maxAttempts(30).maxTotalTime(Duration.ofMinutes(1)).build()).build())
        .build();
  }
}
