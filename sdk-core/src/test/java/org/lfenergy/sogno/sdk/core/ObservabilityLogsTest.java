package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.testing.CapturedLogs;

/** The WARN and DEBUG lines of the retry and circuit-breaker loggers, captured as written. */
class ObservabilityLogsTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = RetryingClients.against(server, sleeper).build();
  }

  @Test
  void retriesThatRunOutAreLoggedAtWarnWithAttemptsAndLastCause() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }
    try (CapturedLogs logs = CapturedLogs.of(RetryConfig.LOGGER_NAME, Level.INFO)) {
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/grids").header("X-Request-ID", "req-7")
          .build(), ResponseReader.discarding())).isInstanceOf(ServiceUnavailableException.class);

      assertThat(logs.lines(Level.WARN)).singleElement().asString()
          .contains("Giving up on GET " + server.url("/api/v1/grids"), "after 3 attempts", "attempt cap reached",
              "last cause: HTTP 503", "request id req-7");
    }
  }

  @Test
  void transportFailuresThatRunOutNameTheLastException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }
    try (CapturedLogs logs = CapturedLogs.of(RetryConfig.LOGGER_NAME, Level.INFO)) {
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/grids").build(),
          ResponseReader.discarding())).isInstanceOf(TransportException.class);

      assertThat(logs.lines(Level.WARN)).singleElement().asString().contains("after 3 attempts", "last cause: java.io.");
    }
  }

  @Test
  void aRetryAfterLongerThanAllowedIsLoggedAsTheReasonToStop() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").build());
    try (CapturedLogs logs = CapturedLogs.of(RetryConfig.LOGGER_NAME, Level.INFO)) {
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/grids").build(),
          ResponseReader.discarding())).isInstanceOf(ServiceUnavailableException.class);

      assertThat(logs.lines(Level.WARN)).singleElement().asString().contains("after 1 attempt (Retry-After over");
    }
  }

  @Test
  void aCallThatSucceedsOnRetryLogsNoWarningAndNumbersItsAttempts() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (CapturedLogs logs = CapturedLogs.of(RetryConfig.LOGGER_NAME, Level.DEBUG)) {
      client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

      assertThat(logs.lines(Level.WARN)).isEmpty();
      assertThat(logs.lines(Level.DEBUG)).hasSize(2);
      assertThat(logs.lines(Level.DEBUG).get(0)).containsPattern("attempt 1 of 3 failed \\(HTTP 503\\); attempt 2 in "
          + sleeper.waits().get(0) + " ms \\(backoff");
      assertThat(logs.lines(Level.DEBUG).get(1)).contains("attempt 2 of 3 failed (HTTP 502); attempt 3 in");
    }
  }

  @Test
  void noSecretFromTheUrlReachesTheRetryLines() {
    SognoClient withSecrets = client.newBuilder().baseUrl("http://user:hunter2@" + server.getHostName() + ":"
        + server.getPort() + "/api").build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }
    try (CapturedLogs logs = CapturedLogs.of(RetryConfig.LOGGER_NAME, Level.DEBUG)) {
      assertThatThrownBy(() -> withSecrets.execute(ApiRequest.builder("GET", "/v1/grids")
          .queryParam("access_token", "s3cr3t").header("Authorization", "Bearer t0ken").build(),
          ResponseReader.discarding())).isInstanceOf(ServiceUnavailableException.class);

      assertThat(logs.lines(Level.DEBUG)).hasSize(2);
      assertThat(logs.lines(Level.WARN)).hasSize(1);
      assertThat(String.join("\n", logs.lines(Level.DEBUG)) + String.join("\n", logs.lines(Level.WARN)))
          .doesNotContain("hunter2", "s3cr3t", "t0ken", "user:");
    }
  }

  @Test
  void circuitBreakerStateChangesAreLoggedAtWarn() {
    SognoClient breaking = client.newBuilder().retry(RetryConfig.disabled())
        .circuitBreaker(CircuitBreakerConfig.builder().slidingWindowSize(4).minimumNumberOfCalls(4)
            .failureRateThreshold(50).build())
        .build();
    try (CapturedLogs logs = CapturedLogs.of(CircuitBreakerConfig.LOGGER_NAME, Level.INFO)) {
      for (int i = 0; i < 4; i++) {
        server.enqueue(new MockResponse.Builder().code(500).build());
        assertThatThrownBy(() -> breaking.execute(ApiRequest.builder("GET", "/v1/grids").build(),
            ResponseReader.discarding())).isInstanceOf(ServerErrorException.class);
      }

      assertThat(logs.lines(Level.WARN)).singleElement().asString()
          .contains("Circuit breaker " + server.getHostName() + ":" + server.getPort(), "from CLOSED to OPEN",
              "failure rate 100.0% of the last 4 calls");
    }
  }
}
