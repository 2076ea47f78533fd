package org.lfenergy.sogno.sdk.testkit.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One access token of a {@link TestIssuer}, made by {@link TestIssuer#token(String)}: by default it
 * names the issuer, the issuer's audience and the subject, was issued now and expires in five
 * minutes, and is signed (RS256) with the issuer's current key. Each setter changes one thing, so
 * a test can build exactly the bad token it is about. Not thread-safe.
 */
public final class TokenBuilder {
  private final TestIssuer issuer;
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private String keyId;

  TokenBuilder(TestIssuer issuer, String subject) {
    this.issuer = issuer;
    Instant now = Instant.now();
    claims.put("iss", issuer.issuer());
    claims.put("aud", issuer.audience());
    claims.put("sub", Objects.requireNonNull(subject, "subject"));
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
  }

  /** OAuth2 scopes as the space-separated {@code scope} claim. */
  public TokenBuilder scopes(String... scopes) {
    return claim("scope", String.join(" ", scopes));
  }

  /** Keycloak realm roles: {@code realm_access.roles}. */
  public TokenBuilder realmRoles(String... roles) {
    return claim("realm_access", Map.of("roles", List.of(roles)));
  }

  /** Keycloak client roles: {@code resource_access.<client>.roles}. */
  public TokenBuilder clientRoles(String client, String... roles) {
    return claim("resource_access", Map.of(client, Map.of("roles", List.of(roles))));
  }

  /** The {@code aud} claim (one value is written as a string, several as an array). */
  public TokenBuilder audience(String... audiences) {
    return claim("aud", audiences.length == 1 ? audiences[0] : List.of(audiences));
  }

  /** The {@code iss} claim, instead of the issuer's own. */
  public TokenBuilder issuer(String iss) {
    return claim("iss", iss);
  }

  /** {@code exp}: now plus {@code lifetime} (negative for an expired token). */
  public TokenBuilder expiresIn(Duration lifetime) {
    return claim("exp", Instant.now().plus(lifetime).getEpochSecond());
  }

  /** The {@code nbf} claim (absent by default). */
  public TokenBuilder notBefore(Instant notBefore) {
    return claim("nbf", notBefore.getEpochSecond());
  }

  /** The {@code iat} claim (now by default). */
  public TokenBuilder issuedAt(Instant issuedAt) {
    return claim("iat", issuedAt.getEpochSecond());
  }

  /**
   * Any claim; a {@code null} value removes it (e.g. {@code claim("exp", null)} for a token without
   * expiry). Values are JSON values: strings, numbers, booleans, lists and maps of them.
   */
  public TokenBuilder claim(String name, Object value) {
    if (value == null) {
      claims.remove(name);
    } else {
      claims.put(name, value);
    }
    return this;
  }

  /** The {@code kid} in the header, instead of the signing key's own (to test unknown key ids). */
  public TokenBuilder keyId(String kid) {
    this.keyId = kid;
    return this;
  }

  /** The token in compact serialization, for {@code Authorization: Bearer <token>}. */
  public String sign() {
    RSAKey key = issuer.signingKey();
    try {
      JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
      claims.forEach((name, value) -> set.claim(name, isTime(name) && value instanceof Number n ? Date.from(Instant.ofEpochSecond(n.longValue())) : value));
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
          .keyID(keyId == null ? key.getKeyID() : keyId).type(JOSEObjectType.JWT).build(), set.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign the test token", e);
    }
  }

  private static boolean isTime(String name) {
    return name.equals("exp") || name.equals("iat") || name.equals("nbf");
  }
}
