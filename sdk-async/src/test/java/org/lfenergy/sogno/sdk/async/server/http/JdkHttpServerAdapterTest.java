package org.lfenergy.sogno.sdk.async.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;

class JdkHttpServerAdapterTest {
  private final AtomicReference<ServerRequest> seen = new AtomicReference<>();
  private HttpServer server;
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    JdkHttpServerAdapter echo = JdkHttpServerAdapter.of(request -> {
      seen.set(request);
      return CompletableFuture.completedFuture(
          ServerResponse.builder(200).header("X-Seen", request.method()).body(request.body(), "text/plain").build());
    });
    HttpContext secured = server.createContext("/secured", echo.withMaxBodyBytes(8));
    secured.setAuthenticator(new BasicAuthenticator("sogno") {
      @Override
      public boolean checkCredentials(String user, String password) {
        return password.equals("pw");
      }
    });
    server.createContext("/failing", JdkHttpServerAdapter.of(request -> CompletableFuture.failedFuture(new IllegalStateException("boom"))));
    server.start();
    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
    client = SognoClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .authentication(() -> basic).retry(RetryConfig.disabled()).build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void requestReachesTheEndpointWithItsPrincipalQueryHeadersBodyAndPeer() {
    String answer = client.execute(ApiRequest.builder("POST", "/secured/x").queryParam("a", "1 2")
        .header("X-Custom", "v").body("hello".getBytes(StandardCharsets.UTF_8), "text/plain").build(),
        ResponseReader.string()).body();

    ServerRequest request = seen.get();
    assertThat(answer).isEqualTo("hello");
    assertThat(request.principal()).contains("alice");
    assertThat(request.path()).isEqualTo("/secured/x");
    assertThat(request.query()).contains("a=1%202");
    assertThat(request.header("x-custom")).contains("v");
    assertThat(request.remoteAddress()).hasValueSatisfying(peer -> assertThat(peer.isLoopbackAddress()).isTrue());
  }

  @Test
  void bodyAboveTheLimitIsRefusedWith413BeforeTheEndpointRuns() {
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("POST", "/secured")
        .body("more than eight bytes".getBytes(StandardCharsets.UTF_8), "text/plain").build(), ResponseReader.string()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.problem().code()).isEqualTo("content-too-large");
        });
    assertThat(seen.get()).isNull();
  }

  @Test
  void endpointThatFailsAnswers500WithoutDetails() {
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/failing").build(), ResponseReader.string()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.rawBody()).doesNotContain("boom");
        });
  }
}
