package org.lfenergy.sogno.samples.powerflow;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the bearer token of a request (SOGNO-702): signature with a key from the provider's JWKS
 * (cached and refreshed by Nimbus JOSE+JWT), {@code iss}, {@code aud}, {@code exp} and {@code nbf}
 * (60 s clock skew), and the scope the operation needs. {@code powerflow.write} also grants reads.
 *
 * <p>Answers the principal ({@code sub}) or throws a {@link ProblemException}: {@code 401} with
 * {@code WWW-Authenticate: Bearer} when the token is missing, malformed, expired or not trusted,
 * {@code 403} when it lacks the scope (SOGNO-703). Tokens and their contents are never logged or put
 * in problems. Thread-safe.
 */
final class BearerAuthenticator {
  static final String READ_SCOPE = "powerflow.read";
  static final String WRITE_SCOPE = "powerflow.write";
  private static final Logger log = LoggerFactory.getLogger(BearerAuthenticator.class);
  private static final String REALM = "Bearer realm=\"powerflow\"";
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256,
      JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384);
  private static final int JWKS_TIMEOUT_MILLIS = 2_000;

  private final DefaultJWTProcessor<SecurityContext> processor;

  private BearerAuthenticator(DefaultJWTProcessor<SecurityContext> processor) {
    this.processor = processor;
  }

  /** An authenticator for {@code settings}, or {@code null} when checking is disabled. */
  static BearerAuthenticator of(AuthSettings settings) {
    if (settings.isDisabled()) {
      return null;
    }
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUri().toURL(),
          new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, 512 * 1024))
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("SOGNO_AUTH_JWKS_URI is not a URL: " + e.getMessage(), e);
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(),
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")));
    return new BearerAuthenticator(processor);
  }

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param scope the scope the operation needs
   * @return the token's subject
   */
  String authenticate(String authorization, String scope) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ProblemException(Problems.unauthorized("A bearer token is required.")
          .withHeader("WWW-Authenticate", REALM));
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(authorization.substring(7).trim(), null);
    } catch (Exception e) { // ParseException, BadJOSEException, JOSEException: all mean "not trusted"
      log.debug("Rejected a bearer token: {}", e.getClass().getSimpleName());
      throw new ProblemException(Problems.unauthorized("The bearer token is invalid or expired.")
          .withHeader("WWW-Authenticate", REALM + ", error=\"invalid_token\""));
    }
    Collection<String> granted = scopes(claims);
    if (!granted.contains(scope) && !granted.contains(WRITE_SCOPE)) {
      throw new ProblemException(Problems.forbidden("The token lacks the scope " + scope + ".")
          .withHeader("WWW-Authenticate",
              REALM + ", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }
    return claims.getSubject();
  }

  /** OAuth2 {@code scope} (space-separated) or Azure/Okta-style {@code scp} (string or list). */
  private static Collection<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    Object scp = claims.getClaim("scp");
    Object value = scope != null ? scope : scp;
    if (value instanceof String s) {
      return Arrays.asList(s.trim().split("\\s+"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** The scope an HTTP method needs: reads for GET and HEAD, writes for everything else. */
  static String scopeFor(String method) {
    String m = method.toUpperCase(Locale.ROOT);
    return m.equals("GET") || m.equals("HEAD") ? READ_SCOPE : WRITE_SCOPE;
  }
}
