package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/** What closing a client releases, and that an unclosed one does not keep the JVM alive. */
class ClientLifecycleTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @Test
  void aProgramThatReturnsFromMainWithoutClosingItsClientExits() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (ChildJvm child = ChildJvm.builder(ClientProgram.class).args("leave-open", server.url("/").toString())
        .start()) {
      child.awaitLine(ClientProgram.LAST_LINE);
      assertThat(child.output()).contains("blocking 204", "async 204", ClientProgram.LAST_LINE);

      // OkHttp's own dispatcher threads kept such a JVM alive for a minute after main returned.
      await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
      assertThat(child.process().exitValue()).isZero();
    }
  }

  @Test
  void closingTheLastClientOnTheSharedPoolClosesItsIdleConnections() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (ChildJvm child = ChildJvm.builder(ClientProgram.class).args("close", server.url("/").toString()).start()) {
      child.awaitLine(ClientProgram.LAST_LINE);

      assertThat(child.output()).contains("async 204", "pooled connections after close 0");
    }
  }

  @Test
  void closingCancelsCallsInFlight() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).headersDelay(1, TimeUnit.MINUTES).build());
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).build();
    CompletableFuture<ApiResponse<Void>> call = client.executeAsync(ApiRequest.builder("GET", "/v1/slow").build(),
        ResponseReader.discarding());
    server.takeRequest();

    client.close();

    assertThatThrownBy(call::join).isInstanceOf(CompletionException.class).cause()
        .isInstanceOf(TransportException.class);
  }

  @Test
  void aClosedClientRefusesCalls() {
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).build();
    client.close();
    client.close(); // a second close does nothing

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/things").build(),
        ResponseReader.discarding())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> client.executeAsync(ApiRequest.builder("GET", "/v1/things").build(),
        ResponseReader.discarding())).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingLeavesAUserSuppliedHttpClientWorking() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try {
      server.enqueue(new MockResponse.Builder().code(204).build());
      server.enqueue(new MockResponse.Builder().code(200).body("still mine").build());
      try (SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).httpClient(http).build()) {
        client.execute(ApiRequest.builder("GET", "/v1/things").build(), ResponseReader.discarding());
      }

      assertThat(http.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
      try (Response response = http.newCall(new Request.Builder().url(server.url("/mine")).build()).execute()) {
        assertThat(response.body().string()).isEqualTo("still mine");
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
