package org.lfenergy.sogno.samples.powerflow;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A stand-in for the platform's OpenID Connect provider: serves its JWKS over loopback (JDK HTTP
 * server) and issues RS256 access tokens signed with the published key, or with a stranger's.
 */
final class TestIdentityProvider implements AutoCloseable {
  static final String ISSUER = "https://idp.sogno.test";

  private final RSAKey key = generate("published");
  private final RSAKey stranger = generate("published"); // same kid, key not in the JWKS
  private final HttpServer server;
  private final CountDownLatch keysFetched = new CountDownLatch(1);

  TestIdentityProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/jwks.json", exchange -> {
      keysFetched.countDown();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    server.start();
  }

  /** Waits until a service fetched the keys: it is then checking a token. */
  boolean awaitKeysFetched(Duration timeout) throws InterruptedException {
    return keysFetched.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  URI jwksUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** A valid token for {@code subject} with {@code scope}, for the {@code powerflow} audience. */
  String token(String subject, String scope) {
    return token(subject, scope, claims -> claims);
  }

  /** A token adjusted by {@code change}, signed with the published key. */
  String token(String subject, String scope, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(key, change.apply(claims(subject, scope)).build());
  }

  /** A well-formed token signed by a key the provider never published. */
  String forgedToken(String subject, String scope) {
    return sign(stranger, claims(subject, scope).build());
  }

  private static JWTClaimsSet.Builder claims(String subject, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience("powerflow")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString())
        .claim("scope", scope);
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
