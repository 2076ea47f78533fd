package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class TransportFailureTest {
  private static final RetryConfig FAST_RETRY = RetryConfig.builder().backoff(Backoff.builder().initialDelay(Duration.ofMillis(5)).build()).build();

  @Test
  void aConnectionResetIsRetriedThenReportedAsTransportException() throws Exception {
    try (RawHttpServer server = RawHttpServer.resetting()) {
      SognoClient client = client(server.url(), FAST_RETRY);

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs").build(), ResponseReader.discarding()))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("GET " + server.url() + "/v1/jobs")
          .hasMessageContaining("3 attempts")
          .satisfies(e -> assertThat(((TransportException) e).requestId()).isNotBlank());
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void aPostWithoutIdempotencyKeyIsNotResentAfterAConnectionReset() throws Exception {
    try (RawHttpServer server = RawHttpServer.resetting()) {
      SognoClient client = client(server.url(), FAST_RETRY);

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("POST", "/v1/jobs").jsonBody("x").build(),
          ResponseReader.discarding())).isInstanceOf(TransportException.class);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aReadTimeoutGivesRequestTimeoutException() throws Exception {
    assertReadTimesOut(Duration.ofMillis(200));
  }

  @Test
  void aReadTimeoutLongerThanTheWatchdogAnchorsPeriodStillFires() throws Exception {
    // Queued behind the SDK's watchdog anchor (1 s), the read's deadline must still wake the watchdog:
    // the server never answers, so only the timeout can end this call.
    assertReadTimesOut(Duration.ofMillis(1_500));
  }

  /** Calls a server that never answers; the read timeout must end the call with the typed exception. */
  private static void assertReadTimesOut(Duration readTimeout) throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString())
          .readTimeout(readTimeout).retry(RetryConfig.disabled()).build();

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/slow").build(), ResponseReader.discarding()))
          .isInstanceOf(RequestTimeoutException.class)
          .hasCauseInstanceOf(SocketTimeoutException.class)
          .hasMessageContaining("timed out");
    }
  }

  @Test
  void aPerCallTimeoutOverridesTheClientsReadTimeout() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS).body("\"late\"").build());
      SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString())
          .readTimeout(Duration.ofMillis(100)).retry(RetryConfig.disabled()).build();

      ApiResponse<String> response = client.execute(ApiRequest.builder("GET", "/long-poll").timeout(Duration.ofSeconds(10)).build(),
          ResponseReader.json(String.class));

      assertThat(response.body()).isEqualTo("late");
    }
  }

  @Test
  void aPerCallTimeoutExtendsTheCallDeadlineSoALongPollIsNotCutShort() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().headersDelay(800, TimeUnit.MILLISECONDS).body("\"late\"").build());
      server.enqueue(new MockResponse.Builder().headersDelay(800, TimeUnit.MILLISECONDS).body("\"late\"").build());
      SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString())
          .callTimeout(Duration.ofMillis(200)).retry(RetryConfig.disabled()).build();

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/short").build(), ResponseReader.discarding()))
          .isInstanceOf(RequestTimeoutException.class);
      assertThat(client.execute(ApiRequest.builder("GET", "/long-poll").timeout(Duration.ofSeconds(10)).build(),
          ResponseReader.json(String.class)).body()).isEqualTo("late");
    }
  }

  @Test
  void aTruncatedSuccessBodyGivesTransportException() throws Exception {
    try (RawHttpServer server = RawHttpServer.truncating(200, "application/json", "{\"id\":\"1\",\"sta", 500)) {
      SognoClient client = client(server.url(), RetryConfig.disabled());

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs/1").build(), ResponseReader.json(Object.class)))
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageContaining("failed");
    }
  }

  @Test
  void aTruncatedErrorBodyStillGivesTheTypedExceptionWithAStatusLineProblem() throws Exception {
    try (RawHttpServer server = RawHttpServer.truncating(404, Problem.MEDIA_TYPE, "{\"status\":404,\"detail\":\"No j", 500)) {
      SognoClient client = client(server.url(), RetryConfig.disabled());

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs/1").build(), ResponseReader.discarding()))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.of(404));
            assertThat(e.rawBody()).isEqualTo("{\"status\":404,\"detail\":\"No j");
          });
    }
  }

  @Test
  void aRefusedConnectionGivesTransportException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SognoClient client = client("http://127.0.0.1:" + port, RetryConfig.disabled());

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/").build(), ResponseReader.discarding()))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void a407FromAServerThatIsNotAProxyIsAProtocolViolation() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(407).build());
      SognoClient client = client(server.url("/").toString(), RetryConfig.disabled());

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/").build(), ResponseReader.discarding()))
          .isExactlyInstanceOf(TransportException.class)
          .hasRootCauseInstanceOf(java.net.ProtocolException.class);
    }
  }

  private static SognoClient client(String url, RetryConfig retry) {
    return SognoClient.builder().baseUrl(url).retry(retry).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }
}
