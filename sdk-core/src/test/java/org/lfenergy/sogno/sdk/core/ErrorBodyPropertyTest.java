package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okio.Buffer;

/** Whatever bytes a server sends as an error body, the caller gets an ApiException carrying a Problem. */
class ErrorBodyPropertyTest {
  private static MockWebServer server;
  private static SognoClient client;

  @BeforeContainer
  static void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/").toString()).retry(RetrySettings.disabled())
        .circuitBreaker(CircuitBreakerSettings.disabled()).build();
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 250)
  void arbitraryBytesAlwaysGiveAnApiExceptionWithAProblem(@ForAll @Size(max = 2048) byte[] body,
      @ForAll("errorStatuses") int status, @ForAll("contentTypes") String contentType) {
    assertErrorBody(body, status, contentType);
  }

  @Property(tries = 150)
  void arbitraryJsonishTextAlwaysGivesAnApiExceptionWithAProblem(@ForAll("jsonish") String body,
      @ForAll("errorStatuses") int status, @ForAll("contentTypes") String contentType) {
    assertErrorBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), status, contentType);
  }

  private static void assertErrorBody(byte[] body, int status, String contentType) {
    server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", contentType)
        .body(new Buffer().write(body)).build());

    Throwable thrown = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/p").build(), ResponseReader.discarding()));

    assertThat(thrown).isInstanceOf(ApiException.class);
    ApiException e = (ApiException) thrown;
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.problem()).isNotNull();
    assertThat(e.problem().status()).isBetween(100, 599);
    assertThat(e.problem().type()).isNotNull();
  }

  /**
   * 400..599 except 407: OkHttp rejects a 407 from a server that is not a configured proxy as a
   * protocol violation, which the client reports as TransportException (see TransportFailureTest).
   */
  @Provide
  Arbitrary<Integer> errorStatuses() {
    return Arbitraries.integers().between(400, 599).filter(status -> status != 407);
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
