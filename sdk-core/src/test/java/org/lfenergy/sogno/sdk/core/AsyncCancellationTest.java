package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncCancellationTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = SognoClient.builder().baseUrl(server.url("/").toString()).httpClient(http).build();
  }

  @AfterEach
  void stop() {
    http.dispatcher().executorService().shutdown();
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("\"late\"").build());

    CompletableFuture<ApiResponse<String>> future = client.executeAsync(ApiRequest.builder("GET", "/v1/jobs/1").build(),
        ResponseReader.json(String.class));
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);

    assertThat(future.cancel(true)).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> http.dispatcher().runningCallsCount() == 0);
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingDuringARetryWaitStopsRetrying() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "30").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    CompletableFuture<ApiResponse<Void>> future = client.executeAsync(ApiRequest.builder("GET", "/v1/jobs/1").build(),
        ResponseReader.discarding());
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

    future.cancel(true);

    await().atMost(Duration.ofSeconds(10)).until(() -> http.dispatcher().runningCallsCount() == 0);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void moreThanFiveAsyncCallsToOneHostRunAtOnce() throws Exception {
    try (MockWebServer gate = new MockWebServer()) {
      int calls = 12;
      CountDownLatch arrived = new CountDownLatch(calls);
      gate.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          arrived.countDown();
          // Answers 200 only once every call is in flight at the same time.
          return new MockResponse.Builder().code(arrived.await(20, TimeUnit.SECONDS) ? 200 : 500).build();
        }
      });
      gate.start();
      SognoClient shared = SognoClient.builder().baseUrl(gate.url("/").toString()).build();

      List<CompletableFuture<ApiResponse<Void>>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(shared.executeAsync(ApiRequest.builder("GET", "/v1/jobs/" + i).build(), ResponseReader.discarding()));
      }

      futures.forEach(future -> assertThat(future).succeedsWithin(Duration.ofSeconds(30))
          .extracting(ApiResponse::status).isEqualTo(200));
    }
  }

  @Test
  void manyAsyncCallsCompleteIndependently() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("\"r\"").build());
    }

    CompletableFuture<?>[] calls = new CompletableFuture<?>[10];
    for (int i = 0; i < calls.length; i++) {
      calls[i] = client.executeAsync(ApiRequest.builder("GET", "/v1/jobs/" + i).build(), ResponseReader.json(String.class));
    }

    assertThat(CompletableFuture.allOf(calls)).succeedsWithin(Duration.ofSeconds(20));
  }
}
