package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.ServerErrorException;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** What a poll loop does with servers that stumble, and with servers that do not long-poll. */
class PollingResilienceTest {
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/").uri())
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse problem(int code) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/problem+json")
        .addHeader("Retry-After", "0").body("{\"status\":" + code + ",\"title\":\"Unavailable\"}").build();
  }

  private static final Backoff FAST_BACKOFF = PollingConfig.DEFAULT_BACKOFF.toBuilder().initialDelay(Duration.ofMillis(10))
      .build();

  private JobHandle<String> started() {
    server.enqueue(new MockResponse.Builder().code(202).addHeader("Location", "/v1/jobs/j").build());
    return JobHandle.start(client, ApiRequest.builder("POST", "/v1/tasks").jsonBody("x").build(),
            ResponseReader.json(String.class))
        .withPolling(PollingConfig.builder().longPollWait(Duration.ZERO).backoff(FAST_BACKOFF).build());
  }

  @Test
  void aPollAnswered503IsPolledThroughAfterItsRetryAfter() throws Exception {
    JobHandle<String> job = started();
    server.enqueue(problem(503));
    server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"running\"}"));
    server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"succeeded\"}"));
    server.enqueue(json(200, "\"done\""));

    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("done");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void pollingGoesOnThroughAnOpenCircuitBreakerUntilTheServiceAnswersAgain() throws Exception {
    client = client.newBuilder().circuitBreaker(CircuitBreakerConfig.builder().slidingWindowSize(2)
        .minimumNumberOfCalls(2).failureRateThreshold(50).waitInOpenState(Duration.ofMillis(300))
        .permittedCallsInHalfOpenState(1).build()).build();
    JobHandle<String> job = started();
    server.enqueue(problem(500));
    server.enqueue(problem(500));     // the breaker opens: the next polls are refused without a request
    server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"succeeded\"}"));
    server.enqueue(json(200, "\"done\""));

    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("done");
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aServerThatKeepsFailingEndsTheWaitWithItsErrorAfterFiveTries() {
    JobHandle<String> job = started();
    for (int i = 0; i < 5; i++) {
      server.enqueue(problem(500));
    }

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(ServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void withoutRetryAfterOrLongPollingTheClientBacksOffAndStillFinishes() {
    JobHandle<String> job = started();
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"queued\"}"));
    }
    server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"some-future-status\"}"));
    server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"cancelled\"}"));

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(JobCancelledException.class);
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void theBackoffsAttemptLimitBoundsTheNumberOfPolls() {
    JobHandle<String> job = started().withPolling(PollingConfig.builder().longPollWait(Duration.ZERO)
        .backoff(FAST_BACKOFF.withMaxAttempts(2)).build());
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"id\":\"j\",\"status\":\"running\"}"));
    }

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(JobTimeoutException.class);
    assertThat(server.getRequestCount()).isEqualTo(1 + 2);
  }
}
