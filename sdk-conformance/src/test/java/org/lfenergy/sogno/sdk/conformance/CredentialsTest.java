package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.OAuth2ClientCredentials;

/** OAuth2 client credentials: the token comes from the token endpoint, goes to the service, never into findings. */
class CredentialsTest {

  @Test
  void oauth2TokenIsFetchedOnceAndSentToTheServiceButNeverShown() throws IOException {
    AtomicInteger tokenRequests = new AtomicInteger();
    HttpServer tokens = tokenEndpoint(200, "{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
        tokenRequests);
    try (LegacyThingsService service = new LegacyThingsService()) {
      ConformanceReport report = ConformanceChecker.builder().baseUrl(service.baseUri().toString())
          .spec(NonConformingServiceTest.SPEC).authentication(oauth2(tokens))
          .config(ConformanceConfig.builder().seed(9).validRequestsPerOperation(2).build()).build().check();

      assertThat(tokenRequests).hasValue(1);
      assertThat(service.authorizations).contains("Bearer tok-123");
      assertThat(report.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.format()).doesNotContain("tok-123"));
    } finally {
      tokens.stop(0);
    }
  }

  @Test
  void aFailingTokenEndpointIsAConformanceException() throws IOException {
    HttpServer tokens = tokenEndpoint(401, "{\"error\":\"invalid_client\"}", new AtomicInteger());
    try (LegacyThingsService service = new LegacyThingsService()) {
      assertThatThrownBy(() -> ConformanceChecker.builder().baseUrl(service.baseUri().toString())
          .spec(NonConformingServiceTest.SPEC).authentication(oauth2(tokens)).build().check())
          .isInstanceOf(ConformanceException.class).hasMessageStartingWith("Cannot obtain credentials: ");
    } finally {
      tokens.stop(0);
    }
  }

  private static Authentication oauth2(HttpServer tokens) {
    return Authentication.oauth2(OAuth2ClientCredentials.builder()
        .tokenEndpoint("http://127.0.0.1:" + tokens.getAddress().getPort() + "/token")
        .clientId("checker").clientSecret("client-secret").build());
  }

  static HttpServer tokenEndpoint(int status, String json, AtomicInteger requests) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    return server;
  }
}
