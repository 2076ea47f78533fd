package org.lfenergy.sogno.sdk.server.internal.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;
import org.lfenergy.sogno.sdk.server.auth.Principal;

/**
 * Verifies a bearer JWT with Nimbus JOSE+JWT: signature with a key of the issuer's JWKS ({@link
 * JwksKeys}), algorithm in the allow-list (RS, PS, ES families: never {@code none}, never HMAC, so
 * a public key can never serve as a shared secret), type {@code JWT} or {@code at+jwt} (or none),
 * {@code iss} exactly the issuer, {@code aud} containing the audience, {@code sub} and {@code exp}
 * present, {@code exp}, {@code nbf} and {@code iat} within the clock skew. Encrypted and unsigned
 * tokens are refused. Thread-safe.
 */
final class TokenVerifier {
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
      JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
      JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final ScopeReader scopes;

  TokenVerifier(AuthConfig config, JwksKeys keys) {
    this.scopes = new ScopeReader(config);
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(new ClaimsVerifier(config));
  }

  /**
   * @throws JwksKeys.KeysUnavailableException when there are no keys to check with
   * @throws Exception (any other) when the token is not trusted: malformed, badly signed, expired, …
   */
  Principal verify(String token) throws Exception {
    JWTClaimsSet claims = processor.process(token, null);
    Map<String, Object> values = plain(claims.getClaims());
    return Principal.of(claims.getSubject(), scopes.scopes(values), values, token);
  }

  /** Claims as JSON values: times as epoch seconds, nulls dropped, collections copied. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(Map<String, Object> claims) {
    Map<String, Object> copy = new LinkedHashMap<>();
    claims.forEach((name, value) -> {
      Object plain = plainValue(value);
      if (plain != null) {
        copy.put(name, plain);
      }
    });
    return Map.copyOf(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object plainValue(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().getEpochSecond();
    }
    if (value instanceof Map<?, ?> map) {
      return plain((Map<String, Object>) map);
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(TokenVerifier::plainValue).filter(Objects::nonNull).toList();
    }
    return value;
  }

  /** Nimbus's checks plus a subject that is a non-blank string and an {@code iat} not in the future. */
  private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final long skewMillis;

    ClaimsVerifier(AuthConfig config) {
      super(Set.of(config.audience().orElseThrow()),
          new JWTClaimsSet.Builder().issuer(config.issuer().orElseThrow()).build(),
          Set.of("sub", "exp"), null);
      this.skewMillis = config.clockSkew().toMillis();
      setMaxClockSkew((int) config.clockSkew().toSeconds());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      super.verify(claims, context);
      if (!(claims.getClaim("sub") instanceof String subject) || subject.isBlank()) {
        throw new BadJWTException("sub is not a non-blank string");
      }
      Date issuedAt = claims.getIssueTime();
      if (issuedAt != null && issuedAt.getTime() > System.currentTimeMillis() + skewMillis) {
        throw new BadJWTException("iat is in the future");
      }
    }
  }
}
