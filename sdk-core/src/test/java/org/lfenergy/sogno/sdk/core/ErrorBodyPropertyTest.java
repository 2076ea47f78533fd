package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes a server sends as an error body, the caller gets an ApiException carrying a Problem.
 * Served by the JDK's HttpServer (with TCP_NODELAY, set for all tests in the pom), so hundreds of tries stay fast.
 */
class ErrorBodyPropertyTest {
  record Reply(int status, String contentType, byte[] body) {}

  private static final AtomicReference<Reply> NEXT = new AtomicReference<>();
  private static HttpServer server;
  private static SognoClient client;

  @BeforeContainer
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      Reply reply = NEXT.get();
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    });
    server.start();
    client = SognoClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  @AfterContainer
  static void stop() {
    server.stop(0);
  }

  @Property(tries = 500)
  void arbitraryBytesAlwaysGiveAnApiExceptionWithAProblem(@ForAll @Size(max = 2048) byte[] body,
      @ForAll("errorStatuses") int status, @ForAll("contentTypes") String contentType) {
    assertErrorBody(body, status, contentType);
  }

  @Property(tries = 500)
  void arbitraryJsonishTextAlwaysGivesAnApiExceptionWithAProblem(@ForAll("jsonish") String body,
      @ForAll("errorStatuses") int status, @ForAll("contentTypes") String contentType) {
    assertErrorBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), status, contentType);
  }

  private static void assertErrorBody(byte[] body, int status, String contentType) {
    NEXT.set(new Reply(status, contentType, body));

    Throwable thrown = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/p").build(), ResponseReader.discarding()));

    assertThat(thrown).isInstanceOf(ApiException.class);
    ApiException e = (ApiException) thrown;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.problem()).isNotNull();
    assertThat(e.problem().status()).isBetween(100, 999); // the body's own status, else the response's
    assertThat(e.problem().type()).isNotNull();
  }

  /**
   * Every three-digit status that is not a success: 3xx without Location, 4xx, 5xx and the
   * non-standard 600..999 some proxies send. Except 407: OkHttp rejects a 407 from a server that is
   * not a configured proxy as a protocol violation, reported as TransportException (see
   * TransportFailureTest).
   */
  @Provide
  Arbitrary<Integer> errorStatuses() {
    return Arbitraries.oneOf(Arbitraries.integers().between(400, 599), Arbitraries.integers().between(300, 999))
        .filter(status -> status != 407);
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", Problem.MEDIA_TYPE, "text/plain", "text/html", "application/octet-stream");
  }

  /** Strings built from JSON's own characters, so many parse partially or fully. */
  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> members = Arbitraries.of("\"type\":", "\"status\":", "\"title\":", "\"errors\":", "\"error\":",
        "\"err\":", "\"detail\":", "\"message\":", "\"code\":", "{", "}", "[", "]", ",", "null", "true", "1e999",
        "-0", "\"x\"", "\"\\ud800\"", "404", "\"about:blank\"", "\"not a uri\"", "{\"loc\":[\"body\"]}");
    return members.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }
}
