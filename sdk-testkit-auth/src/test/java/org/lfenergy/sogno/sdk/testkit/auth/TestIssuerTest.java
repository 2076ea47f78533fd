package org.lfenergy.sogno.sdk.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIssuerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void signsTokensWithAKeyOfItsServedJwks() throws Exception {
    try (TestIssuer issuer = TestIssuer.forAudience("things")) {
      SignedJWT token = SignedJWT.parse(issuer.token("alice").scopes("things.read", "things.write").sign());

      JWKSet served = JWKSet.parse(get(issuer.jwksUri()));
      assertThat(token.verify(new RSASSAVerifier(served.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey()))).isTrue();
      assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
      assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("things");
      assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("alice");
      assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("things.read things.write");
      assertThat(token.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
      assertThat(issuer.jwksRequests()).isEqualTo(1);
    }
  }

  @Test
  void servesADiscoveryDocumentNamingItselfAndItsJwks() throws Exception {
    try (TestIssuer issuer = TestIssuer.forAudience("things")) {
      String document = get(URI.create(issuer.issuer() + "/.well-known/openid-configuration"));

      assertThat(document).contains("\"issuer\":\"" + issuer.issuer() + "\"")
          .contains("\"jwks_uri\":\"" + issuer.jwksUri() + "\"");
      assertThat(issuer.environment()).isEqualTo(Map.of("SOGNO_AUTH_ISSUER", issuer.issuer(),
          "SOGNO_AUTH_AUDIENCE", "things", "SOGNO_AUTH_JWKS_URI", issuer.jwksUri().toString()));
    }
  }

  @Test
  void rotatingAddsAKeyAndSignsWithIt() throws Exception {
    try (TestIssuer issuer = TestIssuer.forAudience("things")) {
      String first = issuer.keyId();
      String second = issuer.rotateKey();

      JWKSet served = JWKSet.parse(get(issuer.jwksUri()));
      assertThat(second).isNotEqualTo(first);
      assertThat(served.getKeys()).extracting(k -> k.getKeyID()).containsExactly(first, second);
      assertThat(served.getKeys()).noneMatch(k -> k.isPrivate());
      assertThat(SignedJWT.parse(issuer.token("bob").sign()).getHeader().getKeyID()).isEqualTo(second);
    }
  }

  @Test
  void buildsTheBadTokensTestsNeed() throws Exception {
    try (TestIssuer issuer = TestIssuer.forAudience("things")) {
      SignedJWT token = SignedJWT.parse(issuer.token("carol").claim("exp", null).audience("a", "b")
          .expiresIn(Duration.ofMinutes(-1)).keyId("unknown").realmRoles("admin").sign());

      assertThat(token.getHeader().getKeyID()).isEqualTo("unknown");
      assertThat(token.getJWTClaimsSet().getExpirationTime()).isInThePast();
      assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("a", "b");
      assertThat(token.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsKey("roles");
    }
  }

  private String get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
