package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final CircuitBreakerConfig TRIP_AFTER_FOUR = CircuitBreakerConfig.builder()
      .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
      .waitInOpenState(Duration.ofMillis(300)).permittedCallsInHalfOpenState(1).build();

  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer otherHost = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    otherHost.start();
    client = SognoClient.builder().baseUrl(server.url("/").toString()).retry(RetryConfig.disabled())
        .circuitBreaker(TRIP_AFTER_FOUR).build();
  }

  @AfterEach
  void stop() {
    otherHost.close();
  }

  @Test
  void opensAfterNFailuresAndThenFailsFastWithoutCallingTheHost() {
    failFourTimes();

    assertThatThrownBy(this::call)
        .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
          assertThat(e.circuitName()).isEqualTo(server.getHostName() + ":" + server.getPort());
          assertThat(e.requestId()).isNotBlank();
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void halfOpensAfterTheWaitAndClosesOnASuccessfulTrialCall() {
    failFourTimes();
    server.enqueue(new MockResponse.Builder().code(200).body("\"ok\"").build());

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreException(CircuitOpenException.class)
        .until(() -> "ok".equals(call()));

    server.enqueue(new MockResponse.Builder().code(200).body("\"again\"").build());
    assertThat(call()).isEqualTo("again");
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aFailedTrialCallOpensItAgain() {
    failFourTimes();
    server.enqueue(new MockResponse.Builder().code(500).build());

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreException(CircuitOpenException.class)
        .untilAsserted(() -> assertThatThrownBy(this::call).isInstanceOf(ServerErrorException.class));

    assertThatThrownBy(this::call).isInstanceOf(CircuitOpenException.class);
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void eachHostHasItsOwnBreaker() {
    failFourTimes();
    otherHost.enqueue(new MockResponse.Builder().code(200).body("\"fine\"").build());

    assertThat(client.execute(ApiRequest.builder("GET", otherHost.url("/x").uri()).build(), ResponseReader.json(String.class))
        .body()).isEqualTo("fine");
  }

  @Test
  void clientErrorsDoNotCountAsFailures() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(new MockResponse.Builder().code(404).build());
      assertThatThrownBy(this::call).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void canBeSwitchedOff() {
    SognoClient unguarded = client.newBuilder().circuitBreaker(CircuitBreakerConfig.disabled()).build();
    for (int i = 0; i < 8; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
      assertThatThrownBy(() -> unguarded.execute(ApiRequest.builder("GET", "/x").build(), ResponseReader.discarding()))
          .isInstanceOf(ServerErrorException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(8);
  }

  private void failFourTimes() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(502).build());
      assertThatThrownBy(this::call).isInstanceOf(ServerErrorException.class);
    }
  }

  private String call() {
    return client.execute(ApiRequest.builder("GET", "/v1/status").build(), ResponseReader.json(String.class)).body();
  }
}
