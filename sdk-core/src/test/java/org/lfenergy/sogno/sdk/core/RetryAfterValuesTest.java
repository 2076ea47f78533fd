package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lfenergy.sogno.sdk.core.internal.RetryAfter;

/**
 * Whatever a server puts in {@code Retry-After}, the caller gets the response's typed exception, and
 * every response the retry step saw was closed: all attempts and the next call share one connection
 * (a response left open would hold its connection and force a new one).
 */
class RetryAfterValuesTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private volatile String retryAfter;
  private volatile int status;
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/next")) {
          return new MockResponse.Builder().code(204).build();
        }
        return new MockResponse.Builder().code(status).setHeader("Retry-After", retryAfter)
            .setHeader("Content-Type", Problem.MEDIA_TYPE).body("{\"status\":" + status + ",\"code\":\"busy\"}").build();
      }
    });
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/api").toString())
        .retry(RetryConfig.builder().backoff(Backoff.defaults().withMaxAttempts(3)).build())
        .circuitBreaker(CircuitBreakerConfig.disabled())
        .sleeper(sleeper)
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      503 | 9223372036854776                | 1 | MAX
      429 | 9223372036854776                | 1 | MAX
      503 | 9223372036854775807             | 1 | MAX
      503 | 99999999999999999999999999999   | 1 | MAX
      429 | 2147483648                      | 1 | MAX
      503 | 3600                            | 1 | 3600
      503 | -5                              | 3 | none
      429 | -9223372036854775808            | 3 | none
      503 | 1.5                             | 3 | none
      503 | soon                            | 3 | none
      503 | Thu, 01 Jan 1970 00:00:00 GMT   | 3 | 0
      429 | Fri, 31 Dec 9999 23:59:59 GMT   | 1 | MAX
      503 | Sun, 99 Foo 2026 25:61:61 GMT   | 3 | none
      """)
  void everyRetryAfterGivesTheTypedExceptionAndClosesEveryResponse(int code, String header, int attempts,
      String expectedRetryAfter) throws Exception {
    status = code;
    retryAfter = header;

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/status").build(),
        ResponseReader.discarding()));

    Class<?> expectedType = code == 503 ? ServiceUnavailableException.class : TooManyRequestsException.class;
    assertThat(failure).isInstanceOf(expectedType);
    Optional<Duration> carried = code == 503 ? ((ServiceUnavailableException) failure).retryAfter()
        : ((TooManyRequestsException) failure).retryAfter();
    assertThat(carried).isEqualTo(switch (expectedRetryAfter) {
      case "MAX" -> Optional.of(RetryAfter.MAX);
      case "none" -> Optional.empty();
      default -> Optional.of(Duration.ofSeconds(Long.parseLong(expectedRetryAfter)));
    });
    assertThat(server.getRequestCount()).isEqualTo(attempts);
    assertThat(sleeper.waits()).hasSize(attempts - 1);

    client.execute(ApiRequest.builder("GET", "/v1/next").build(), ResponseReader.discarding());
    List<Integer> connections = new ArrayList<>();
    for (int i = 0; i <= attempts; i++) {
      connections.add(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
    }
    assertThat(connections).as("connection of each attempt and of the next call").containsOnly(0);
  }
}
