package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lfenergy.sogno.sdk.server.BadInputOverSocketTest.assertProblem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * Where keys come from and how often: the issuer's JWKS over a loopback socket, found by discovery
 * or configured; refreshed on an unknown {@code kid} at most once per interval; a provider that is
 * down or does not answer gets a bounded wait and a 503 problem, not a hang.
 */
class JwksOverSocketTest {

  @Test
  void anUnknownKidMakesOneRefreshThenIsInvalid() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Http http = service.start(SecuredService.config(issuer.environment()));
      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);
      assertThat(issuer.jwksRequests()).isEqualTo(1);

      HttpResponse<byte[]> unknown = call(http, issuer.token("alice").keyId("forged-1").sign());

      assertProblem(unknown, 401, "unauthorized");
      assertThat(issuer.jwksRequests()).isEqualTo(2);
    }
  }

  @Test
  void aBurstOfUnknownKidsStillRefreshesOncePerInterval() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Http http = service.start(SecuredService.config(issuer.environment()));
      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);

      List<Integer> statuses = IntStream.range(0, 40).parallel()
          .mapToObj(i -> call(http, issuer.token("alice").keyId("forged-" + i).sign()).statusCode()).toList();

      assertThat(statuses).containsOnly(401);
      assertThat(issuer.jwksRequests()).isEqualTo(2);
      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);
      assertThat(issuer.jwksRequests()).isEqualTo(2);
    }
  }

  @Test
  void aRotatedKeyIsFetchedWhenATokenFirstUsesIt() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Http http = service.start(SecuredService.config(issuer.environment()));
      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);

      issuer.rotateKey();

      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);
      assertThat(issuer.jwksRequests()).isEqualTo(2);
    }
  }

  @Test
  void expiredKeysAreFetchedAgainWhileTheyStillServe() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      ServerConfig config = SecuredService.config(issuer.environment());
      Http http = service.start(config.toBuilder().auth(config.auth().toBuilder().jwksCacheTtl(Duration.ofMillis(1))
          .jwksRefreshInterval(Duration.ofMillis(1)).build()).build());
      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);
        assertThat(issuer.jwksRequests()).isGreaterThanOrEqualTo(2);
      });
    }
  }

  @Test
  void theJwksIsDiscoveredFromTheIssuer() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Map<String, String> environment = new HashMap<>(issuer.environment());
      environment.remove("SOGNO_AUTH_JWKS_URI");
      Http http = service.start(SecuredService.config(environment));

      assertThat(call(http, issuer.token("alice").sign()).statusCode()).isEqualTo(200);
      assertThat(issuer.jwksRequests()).isEqualTo(1);
    }
  }

  @Test
  void aJwksEndpointThatIsDownGetsServiceUnavailableWithRetryAfter() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Map<String, String> environment = new HashMap<>(issuer.environment());
      environment.put("SOGNO_AUTH_JWKS_URI", "http://127.0.0.1:" + closedPort + "/certs");
      Http http = service.start(SecuredService.config(environment));

      HttpResponse<byte[]> first = call(http, issuer.token("alice").sign());
      HttpResponse<byte[]> second = call(http, issuer.token("alice").sign());

      for (HttpResponse<byte[]> response : List.of(first, second)) {
        assertProblem(response, 503, "service-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
      }
    }
  }

  @Test
  void aJwksEndpointThatDoesNotAnswerGetsServiceUnavailableAfterTheTimeout() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    silent.createContext("/certs", exchange -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    silent.start();
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      Map<String, String> environment = new HashMap<>(issuer.environment());
      environment.put("SOGNO_AUTH_JWKS_URI", "http://127.0.0.1:" + silent.getAddress().getPort() + "/certs");
      environment.put("SOGNO_AUTH_JWKS_TIMEOUT", "PT0.5S");
      Http http = service.start(SecuredService.config(environment));

      HttpResponse<byte[]> response = call(http, issuer.token("alice").sign());

      assertProblem(response, 503, "service-unavailable");
      assertThat(Http.problem(response).detail()).doesNotContain("alice");
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void aDiscoveryDocumentNamingAnotherIssuerGivesNoKeys() throws IOException {
    HttpServer liar = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    try (TestIssuer issuer = TestIssuer.forAudience("reports"); SecuredService service = new SecuredService()) {
      serveDiscovery(liar, "https://evil.example.org", issuer.jwksUri().toString());
      String liarIssuer = "http://127.0.0.1:" + liar.getAddress().getPort();
      Http http = service.start(SecuredService.config(Map.of("SOGNO_AUTH_ISSUER", liarIssuer,
          "SOGNO_AUTH_AUDIENCE", "reports")));

      assertProblem(call(http, issuer.token("alice").issuer(liarIssuer).sign()), 503, "service-unavailable");
      assertThat(issuer.jwksRequests()).isZero();
    } finally {
      liar.stop(0);
    }
  }

  @Test
  void aDiscoveredPlainHttpJwksOnANonLoopbackAddressIsFetchedOnlyWithTheInsecureFlag() throws Exception {
    Optional<InetAddress> lan = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
    assumeTrue(lan.isPresent(), "needs a non-loopback IPv4 address");
    try (TestIssuer issuer = TestIssuer.forAudience("reports")) {
      AtomicInteger fetches = new AtomicInteger();
      HttpServer keys = HttpServer.create(new InetSocketAddress(lan.get(), 0), 0);
      keys.createContext("/certs", exchange -> {
        fetches.incrementAndGet();
        byte[] body = issuer.jwksUri().toURL().openStream().readAllBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      keys.start();
      HttpServer discovery = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String issuerUrl = "http://127.0.0.1:" + discovery.getAddress().getPort();
      serveDiscovery(discovery, issuerUrl, "http://" + lan.get().getHostAddress() + ":" + keys.getAddress().getPort()
          + "/certs");
      String token = issuer.token("alice").issuer(issuerUrl).sign();
      Map<String, String> environment = Map.of("SOGNO_AUTH_ISSUER", issuerUrl, "SOGNO_AUTH_AUDIENCE", "reports");
      try (SecuredService strict = new SecuredService(); SecuredService insecure = new SecuredService()) {
        assertProblem(call(strict.start(SecuredService.config(environment)), token), 503, "service-unavailable");
        assertThat(fetches).hasValue(0);

        Map<String, String> flagged = new HashMap<>(environment);
        flagged.put("SOGNO_AUTH_INSECURE_HTTP", "true");
        assertThat(call(insecure.start(SecuredService.config(flagged)), token).statusCode()).isEqualTo(200);
        assertThat(fetches).hasValue(1);
      } finally {
        discovery.stop(0);
        keys.stop(0);
      }
    }
  }

  @Test
  void aJwksLargerThanTheLimitIsNotRead() throws IOException {
    try (TestIssuer issuer = TestIssuer.forAudience("reports")) {
      HttpServer padded = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      padded.createContext("/certs", exchange -> {
        byte[] body = (new String(issuer.jwksUri().toURL().openStream().readAllBytes()) + " ".repeat(4096)).getBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      padded.start();
      Map<String, String> environment = new HashMap<>(issuer.environment());
      environment.put("SOGNO_AUTH_JWKS_URI", "http://127.0.0.1:" + padded.getAddress().getPort() + "/certs");
      ServerConfig config = SecuredService.config(environment);
      String token = issuer.token("alice").sign();
      try (SecuredService limited = new SecuredService(); SecuredService roomy = new SecuredService()) {
        Http small = limited.start(config.toBuilder().auth(config.auth().toBuilder().jwksMaxBytes(2048).build()).build());
        assertProblem(call(small, token), 503, "service-unavailable");

        assertThat(call(roomy.start(config), token).statusCode()).isEqualTo(200);
      } finally {
        padded.stop(0);
      }
    }
  }

  private static void serveDiscovery(HttpServer server, String issuer, String jwksUri) {
    server.createContext("/.well-known/openid-configuration", exchange -> {
      byte[] body = ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}").getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  private static HttpResponse<byte[]> call(Http http, String token) {
    try {
      return http.get("/v1/me", "Authorization", "Bearer " + token);
    } catch (UncheckedIOException e) {
      throw new AssertionError("The call failed", e);
    }
  }
}
