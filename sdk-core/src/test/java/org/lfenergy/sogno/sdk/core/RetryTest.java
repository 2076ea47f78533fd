package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.core.SognoClientTest.json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = RetryingClients.against(server, sleeper).build();
  }

  @Test
  void retriesA503AfterTheRetryAfterSeconds() throws Exception {
    server.enqueue(unavailable("1"));
    server.enqueue(json(200, "\"ok\""));

    ApiResponse<String> response = client.execute(get(), ResponseReader.json(String.class));

    assertThat(response.body()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits()).containsExactly(1_000L);
  }

  @Test
  void retriesA503AfterTheRetryAfterHttpDate() throws Exception {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    SognoClient atFixedTime = client.newBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    server.enqueue(unavailable(httpDate(now.plusSeconds(1))));
    server.enqueue(json(200, "\"ok\""));

    ApiResponse<String> response = atFixedTime.execute(get(), ResponseReader.json(String.class));

    assertThat(response.body()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits()).containsExactly(1_000L);
  }

  @Test
  void retriesA429AfterTheRetryAfterHttpDateMeasuredWithTheInjectedClock() {
    Instant now = Instant.parse("2030-01-01T08:00:00Z"); // far from the wall clock: only the injected one counts
    SognoClient atFixedTime = client.newBuilder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", httpDate(now.plusSeconds(7))).build());
    server.enqueue(json(200, "\"ok\""));

    ApiResponse<String> response = atFixedTime.execute(get(), ResponseReader.json(String.class));

    assertThat(response.body()).isEqualTo("ok");
    assertThat(sleeper.waits()).containsExactly(7_000L);
  }

  @Test
  void backsOffExponentiallyWithJitterWhenThereIsNoRetryAfter() {
    SognoClient backingOff = client.newBuilder().retry(RetryConfig.builder()
        .backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(200)).multiplier(2).build()).build())
        .build();
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(json(200, "\"ok\""));

    backingOff.execute(get(), ResponseReader.discarding());

    // Equal jitter waits between half and all of 200 ms, then of 400 ms.
    assertThat(sleeper.waits()).hasSize(2);
    assertThat(sleeper.waits().get(0)).isBetween(100L, 200L);
    assertThat(sleeper.waits().get(1)).isBetween(200L, 400L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void doesNotRetryAPostWithoutIdempotencyKey() {
    server.enqueue(unavailable("0"));
    server.enqueue(json(202, "{}"));

    assertThatThrownBy(() -> client.execute(post().build(), ResponseReader.discarding()))
        .isInstanceOfSatisfying(ServiceUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ZERO));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAPostWithIdempotencyKeySendingTheSameKeyAndBody() throws Exception {
    server.enqueue(unavailable("0"));
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(json(202, "{}"));

    ApiResponse<Void> response = client.execute(post().idempotencyKey("key-1").build(), ResponseReader.discarding());

    assertThat(response.status()).isEqualTo(202);
    for (int i = 0; i < 3; i++) {
      RecordedRequest attempt = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(attempt.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
      assertThat(attempt.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"powerflow\"}");
    }
  }

  @Test
  void retriesEveryIdempotentMethod() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}) {
      server.enqueue(new MockResponse.Builder().code(504).build());
      server.enqueue(new MockResponse.Builder().code(204).build());
      ApiRequest.Builder request = ApiRequest.builder(method, "/v1/thing");
      if (method.equals("PUT")) {
        request.jsonBody("x");
      }

      assertThat(client.execute(request.build(), ResponseReader.discarding()).status()).as(method).isEqualTo(204);
    }
    assertThat(server.getRequestCount()).isEqualTo(10);
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastResponse() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("{\"detail\":\"slow down " + i + "\"}").build());
    }

    assertThatThrownBy(() -> client.execute(get(), ResponseReader.discarding()))
        .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
          assertThat(e.problem().detail()).isEqualTo("slow down 2");
          assertThat(e.retryAfter()).contains(Duration.ZERO);
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void doesNotRetryStatusesOutsideTheRetryableSet() {
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> client.execute(get(), ResponseReader.discarding())).isInstanceOf(ServerErrorException.class)
        .isNotInstanceOf(ServiceUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void doesNotWaitForARetryAfterBeyondTheCap() {
    SognoClient impatient = client.newBuilder()
        .retry(RetryConfig.builder().maxRetryAfter(Duration.ofSeconds(5)).build()).build();
    server.enqueue(unavailable("3600"));

    assertThatThrownBy(() -> impatient.execute(get(), ResponseReader.discarding()))
        .isInstanceOfSatisfying(ServiceUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stopsRetryingWhenTheNextWaitWouldPassTheTotalTimeCap() {
    SognoClient bounded = client.newBuilder()
        .retry(RetryConfig.builder().backoff(Backoff.builder().maxAttempts(10).maxTotalTime(Duration.ofMillis(500)).build()).build()).build();
    server.enqueue(unavailable("1"));

    assertThatThrownBy(() -> bounded.execute(get(), ResponseReader.discarding())).isInstanceOf(ServiceUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAConnectionDroppedBeforeTheResponse() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "\"ok\""));

    assertThat(client.execute(get(), ResponseReader.json(String.class)).body()).isEqualTo("ok");
  }

  @Test
  void doesNotRetryWhenDisabled() {
    SognoClient once = client.newBuilder().retry(RetryConfig.disabled()).build();
    server.enqueue(unavailable("0"));

    assertThatThrownBy(() -> once.execute(get(), ResponseReader.discarding())).isInstanceOf(ServiceUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rejectsInvalidSettingsAtOnce() {
    assertThatThrownBy(() -> RetryConfig.builder().backoff(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetryConfig.builder().maxRetryAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
  }

  private static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }

  private static ApiRequest get() {
    return ApiRequest.builder("GET", "/v1/status").build();
  }

  private static ApiRequest.Builder post() {
    return ApiRequest.builder("POST", "/v1/jobs").body("{\"kind\":\"powerflow\"}".getBytes(StandardCharsets.UTF_8),
        "application/json");
  }

  private static MockResponse unavailable(String retryAfter) {
    return new MockResponse.Builder().code(503).setHeader("Retry-After", retryAfter)
        .setHeader("Content-Type", Problem.MEDIA_TYPE)
        .body("{\"status\":503,\"code\":\"queue-full\",\"title\":\"Service Unavailable\"}").build();
  }
}
