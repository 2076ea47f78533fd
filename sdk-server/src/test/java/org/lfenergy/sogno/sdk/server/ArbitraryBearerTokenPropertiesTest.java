package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * Whatever follows {@code Bearer }, the answer is a 401 problem, never a 500: over a socket with
 * every byte a header value may carry, and straight into the pipeline with any byte at all.
 */
class ArbitraryBearerTokenPropertiesTest {
  private static TestIssuer issuer;
  private static SecuredService service;
  private static SognoServer server;
  private static JdkServer running;

  @BeforeContainer
  static void start() {
    issuer = TestIssuer.forAudience("reports");
    service = new SecuredService();
    server = service.builder(SecuredService.config(issuer.environment())).build();
    running = JdkServer.start(server);
  }

  @AfterContainer
  static void stop() {
    running.close();
    service.close();
    issuer.close();
  }

  @Property(tries = 300)
  void arbitraryHeaderBytesAsTheTokenAreUnauthorizedOverASocket(@ForAll("headerBytes") byte[] token) throws IOException {
    String answer = rawCall(running.baseUri(), token);

    assertThat(answer).startsWith("HTTP/1.1 401 ");
    assertThat(answer).containsIgnoringCase("WWW-Authenticate: Bearer");
    assertThat(answer).contains("\"code\":\"unauthorized\"");
  }

  @Property(tries = 500)
  void anyBytesAsTheTokenAreUnauthorizedInThePipeline(@ForAll byte[] token) throws Exception {
    IncomingRequest request = IncomingRequest.builder("GET", "/v1/me")
        .header("Authorization", "Bearer " + new String(token, StandardCharsets.ISO_8859_1)).build();

    OutgoingResponse response = server.serve(request).get(30, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("WWW-Authenticate")).singleElement().asString().startsWith("Bearer");
  }

  @Property(tries = 200)
  void tokenShapedGarbageIsUnauthorized(@ForAll("jwtShaped") String token) throws Exception {
    IncomingRequest request = IncomingRequest.builder("GET", "/v1/me").header("Authorization", "Bearer " + token).build();

    assertThat(server.serve(request).get(30, TimeUnit.SECONDS).status()).isEqualTo(401);
  }

  /** Bytes a header value may carry (RFC 9110 field-vchar, obs-text, space, tab). */
  @Provide
  Arbitrary<byte[]> headerBytes() {
    Arbitrary<Byte> allowed = Arbitraries.oneOf(Arbitraries.bytes().between((byte) 0x21, (byte) 0x7E),
        Arbitraries.of((byte) ' ', (byte) '\t'), Arbitraries.bytes().between(Byte.MIN_VALUE, (byte) -1));
    return allowed.array(byte[].class).ofMaxSize(2048);
  }

  /** Three or more dot-separated base64url parts, some of them valid JSON headers. */
  @Provide
  Arbitrary<String> jwtShaped() {
    Arbitrary<String> part = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofMaxLength(80),
        Arbitraries.of("{\"alg\":\"none\"}", "{\"alg\":\"RS256\",\"kid\":\"x\"}", "{\"alg\":\"HS256\"}", "{}", "[]",
            "{\"alg\":\"RS256\",\"crit\":[\"x\"]}", "{\"enc\":\"A128GCM\",\"alg\":\"dir\"}", "null")
            .map(json -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
    return part.list().ofMinSize(3).ofMaxSize(5).map(parts -> String.join(".", parts));
  }

  private static String rawCall(URI base, byte[] token) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
          .getBytes(StandardCharsets.US_ASCII));
      out.write(token);
      out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
