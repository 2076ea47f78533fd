package org.lfenergy.sogno.sdk.testkit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect issuer for tests, in process: it serves a discovery document ({@code
 * /.well-known/openid-configuration}) and a JWKS on a loopback port and signs access tokens (RS256)
 * with a key of that JWKS. Point a service under test at it with {@link #environment()} and call it
 * with {@code Authorization: Bearer } + {@code issuer.token("alice").scopes("things.read").sign()}.
 *
 * <pre>{@code
 * try (TestIssuer issuer = TestIssuer.forAudience("powerflow")) {
 *   ServerConfig config = ServerConfig.fromEnvironment(issuer.environment());
 *   ...
 *   String token = issuer.token("alice").scopes("powerflow.write").sign();
 * }
 * }</pre>
 *
 * <p>For tests only: the keys live in memory and the issuer speaks plain HTTP on the loopback
 * interface (which the SDK accepts for JWKS and discovery only on loopback addresses). Thread-safe;
 * {@link #close()} stops the server.
 */
public final class TestIssuer implements AutoCloseable {
  private static final String REALM_PATH = "/realms/test";
  private static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
  private static final String DISCOVERY_PATH = REALM_PATH + "/.well-known/openid-configuration";

  private final String audience;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<RSAKey> keys = new ArrayList<>();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final AtomicInteger keyIds = new AtomicInteger();

  private TestIssuer(String audience) {
    this.audience = audience;
    keys.add(generateKey());
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on the loopback interface", e);
    }
    executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "sogno-test-issuer");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext(JWKS_PATH, exchange -> {
      jwksRequests.incrementAndGet();
      answer(exchange, publicKeys().toString());
    });
    server.createContext(DISCOVERY_PATH, exchange -> answer(exchange,
        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwksUri() + "\"}"));
    server.start();
  }

  /**
   * Starts an issuer whose tokens name {@code audience} (the service's audience) unless a token says
   * otherwise.
   *
   * @throws UncheckedIOException when no loopback port can be opened
   */
  public static TestIssuer forAudience(String audience) {
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank, was '" + audience + "'");
    }
    return new TestIssuer(audience);
  }

  /** The issuer identifier ({@code iss} of its tokens), e.g. {@code http://127.0.0.1:41234/realms/test}. */
  public String issuer() {
    return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort()
        + REALM_PATH;
  }

  /** The audience its tokens name by default. */
  public String audience() {
    return audience;
  }

  /** Where its JWKS is served. */
  public URI jwksUri() {
    return URI.create(issuer() + JWKS_PATH.substring(REALM_PATH.length()));
  }

  /**
   * The variables that point a SOGNO service at this issuer: {@code SOGNO_AUTH_ISSUER}, {@code
   * SOGNO_AUTH_AUDIENCE} and {@code SOGNO_AUTH_JWKS_URI}.
   */
  public Map<String, String> environment() {
    return Map.of(
        "SOGNO_AUTH_ISSUER", issuer(),
        "SOGNO_AUTH_AUDIENCE", audience,
        "SOGNO_AUTH_JWKS_URI", jwksUri().toString());
  }

  /** A token for {@code subject}, valid for five minutes, naming this issuer and the audience; see {@link TokenBuilder}. */
  public TokenBuilder token(String subject) {
    return new TokenBuilder(this, subject);
  }

  /** The {@code kid} of the key tokens are signed with (the newest). */
  public synchronized String keyId() {
    return signingKey().getKeyID();
  }

  /** The public half of the signing key. */
  public synchronized RSAPublicKey publicKey() {
    try {
      return signingKey().toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("The test key has no RSA public key", e);
    }
  }

  /**
   * Adds a new signing key to the JWKS (the old ones stay published, as during a provider's key
   * rotation) and signs with it from now on.
   *
   * @return the new key's {@code kid}
   */
  public synchronized String rotateKey() {
    keys.add(generateKey());
    return keyId();
  }

  /** How many times the JWKS was requested: shows how often a service refreshed its keys. */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  synchronized RSAKey signingKey() {
    return keys.get(keys.size() - 1);
  }

  private synchronized JWKSet publicKeys() {
    return new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
  }

  private RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("test-key-" + keyIds.incrementAndGet()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops the server; tokens already signed stay signed, their keys are no longer served. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "TestIssuer{" + issuer() + ", audience=" + Objects.toString(audience) + '}';
  }
}
