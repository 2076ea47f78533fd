package org.lfenergy.sogno.sdk.server.internal.auth;

import io.swagger.v3.oas.models.OpenAPI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;
import org.lfenergy.sogno.sdk.server.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline's authentication and authorization step, decided by the operation's spec
 * {@code security}: no requirement → the request passes as it is; otherwise the bearer token is
 * verified ({@link TokenVerifier}) and one alternative's scopes must all be granted.
 *
 * <ul>
 *   <li>no or another kind of credentials: {@code 401 unauthorized}, {@code WWW-Authenticate: Bearer};
 *   <li>a token that is not trusted (malformed, bad signature, expired, wrong issuer or audience, …):
 *       {@code 401}, {@code WWW-Authenticate: Bearer error="invalid_token"};
 *   <li>a trusted token lacking a scope: {@code 403 forbidden} naming the missing scopes, {@code
 *       WWW-Authenticate: Bearer error="insufficient_scope", scope="…"};
 *   <li>no keys to check with (provider down or slow): {@code 503 service-unavailable} with {@code
 *       Retry-After}: the client's token may be fine, so it must not be told to get another.
 * </ul>
 * Problems never echo the token; rejections are logged at DEBUG with the reason only. Thread-safe.
 */
public final class Authorizer {
  private static final Logger log = LoggerFactory.getLogger(Authorizer.class);
  private static final String BEARER = "Bearer";

  /** The outcome: a principal (null: anonymous) or the problem to answer. */
  public record Decision(Principal principal, ProblemResponse problem) {
    public boolean refused() {
      return problem != null;
    }
  }

  private static final Decision ANONYMOUS = new Decision(null, null);
  private static final Pattern SCOPE_TOKEN = Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$");

  private final SecurityRequirements requirements;
  private final TokenVerifier verifier;
  private final DevelopmentMode development;
  private final Duration retryAfter;

  Authorizer(SecurityRequirements requirements, TokenVerifier verifier, DevelopmentMode development, Duration retryAfter) {
    this.requirements = requirements;
    this.verifier = verifier;
    this.development = development;
    this.retryAfter = retryAfter;
  }

  /**
   * Decides for a request to {@code operationId}.
   *
   * @param authorization every {@code Authorization} header value of the request
   */
  public Decision authorize(String operationId, List<String> authorization) {
    List<SecurityRequirements.Alternative> alternatives = requirements.of(operationId);
    if (alternatives.isEmpty()) {
      return ANONYMOUS;
    }
    if (development != null) {
      development.remind();
      return new Decision(Principal.DEVELOPER, null);
    }
    boolean anonymousAllowed = alternatives.stream().anyMatch(SecurityRequirements.Alternative::anonymous);
    if (authorization.isEmpty() && anonymousAllowed) {
      return ANONYMOUS;
    }
    if (authorization.size() != 1 || !isBearer(authorization.get(0))) {
      return refuse(Problems.unauthorized(authorization.size() > 1 ? "Send one Authorization header."
          : "This operation requires a bearer token."), authorization.size() > 1 ? "invalid_request" : null);
    }
    Principal principal;
    try {
      principal = verifier.verify(authorization.get(0).substring(BEARER.length()).trim());
    } catch (JwksKeys.KeysUnavailableException e) {
      log.warn("Cannot check a bearer token: {}", e.getMessage());
      return new Decision(null, Problems.of(503, "service-unavailable",
          "The identity provider's keys are not available to check the token; retry later.").withRetryAfter(retryAfter));
    } catch (Exception e) {
      log.debug("Rejected a bearer token: {}", e.getMessage());
      return refuse(Problems.unauthorized("The bearer token is invalid or expired."), "invalid_token");
    }
    return scopes(alternatives, principal);
  }

  private static Decision scopes(List<SecurityRequirements.Alternative> alternatives, Principal principal) {
    Set<String> fewestMissing = null;
    for (SecurityRequirements.Alternative alternative : alternatives) {
      Set<String> missing = new TreeSet<>(alternative.scopes());
      missing.removeIf(principal::hasScope);
      if (alternative.anonymous() || missing.isEmpty()) {
        return new Decision(principal, null);
      }
      if (fewestMissing == null || missing.size() < fewestMissing.size()) {
        fewestMissing = missing;
      }
    }
    List<String> missing = List.copyOf(fewestMissing);
    // RFC 6750 scope tokens only: a scope name from the spec never breaks the header.
    String scopes = String.join(" ", missing.stream().filter(SCOPE_TOKEN.asPredicate()).toList());
    ProblemResponse problem = Problems.forbidden("The token lacks the scope" + (missing.size() == 1 ? " " : "s ")
        + String.join(", ", missing) + ".")
        .withProblem(p -> p.toBuilder().extension("missingScopes", missing).build())
        .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scopes + "\"");
    return new Decision(null, problem);
  }

  /** {@code Bearer}, any case, then whitespace and the token, or nothing (an empty token: invalid). */
  private static boolean isBearer(String authorization) {
    return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && (authorization.length() == BEARER.length() || Character.isWhitespace(authorization.charAt(BEARER.length())));
  }

  private static Decision refuse(ProblemResponse problem, String error) {
    return new Decision(null, error == null ? problem
        : problem.withHeader("WWW-Authenticate", "Bearer error=\"" + error + "\""));
  }

  /**
   * The step for a server with {@code config} serving {@code api}.
   *
   * @throws IllegalArgumentException when an operation requires security other than bearer tokens
   * @throws IllegalStateException when the spec requires tokens and authentication is not
   *     configured, or development mode is on while the server listens on {@code host}, not a
   *     loopback address
   */
  public static Authorizer create(OpenAPI api, AuthConfig config, String host) {
    SecurityRequirements requirements = SecurityRequirements.of(api);
    if (!requirements.any()) {
      return new Authorizer(requirements, null, null, Duration.ZERO);
    }
    if (config.isDevelopment()) {
      if (!Urls.isLoopback(host)) {
        throw new IllegalStateException("SOGNO_AUTH_DISABLED=true (development mode: no token checks) is allowed only"
            + " on a loopback address, but the server listens on " + host + "; set SOGNO_HTTP_HOST=127.0.0.1");
      }
      return new Authorizer(requirements, null, DevelopmentMode.start(), Duration.ZERO);
    }
    if (!config.isConfigured()) {
      throw new IllegalStateException("The spec requires bearer tokens (operations " + String.join(", ",
          requirements.operations()) + ") but authentication is not configured: set SOGNO_AUTH_ISSUER and"
          + " SOGNO_AUTH_AUDIENCE (and SOGNO_AUTH_JWKS_URI unless the issuer serves"
          + " /.well-known/openid-configuration), or SOGNO_AUTH_DISABLED=true for a local run on a loopback address");
    }
    if (config.allowInsecureHttp()) {
      log.warn("SOGNO_AUTH_INSECURE_HTTP=true: the identity provider's keys may be fetched over plain http, where"
          + " anyone on the way can replace them and forge tokens. Never in production.");
    }
    return new Authorizer(requirements, new TokenVerifier(config, new JwksKeys(new KeyLocation(config), config)), null,
        config.jwksRefreshInterval());
  }
}
