package org.lfenergy.sogno.sdk.server.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lfenergy.sogno.sdk.core.Authentication;

/**
 * Who called: the subject of a verified bearer token, its scopes (from the configured scope claims
 * and Keycloak roles) and its claims. The runtime hands it to handlers ({@code
 * OperationRequest.authenticated()}) and makes {@link #subject()} the owner of the jobs it starts, so
 * another principal's job is {@code 404}.
 *
 * <p>In development mode ({@link AuthConfig#isDevelopment()}) every request is {@link #DEVELOPER}: the
 * subject {@code developer}, every scope, no token.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the subject and scopes, never the token.
 */
public final class Principal {
  /** The development principal: subject {@code developer}, every scope granted, no token. */
  public static final Principal DEVELOPER = new Principal("developer", Set.of(), Map.of(), null, true);

  private final String subject;
  private final Set<String> scopes;
  private final Map<String, Object> claims;
  private final String token;
  private final boolean everyScope;

  private Principal(String subject, Set<String> scopes, Map<String, Object> claims, String token, boolean everyScope) {
    this.subject = subject;
    this.scopes = scopes;
    this.claims = claims;
    this.token = token;
    this.everyScope = everyScope;
  }

  /**
   * A principal authenticated by {@code token}; the runtime makes these, tests may too.
   *
   * @param claims the token's claims as JSON values (strings, numbers, booleans, lists, maps)
   * @throws IllegalArgumentException when {@code subject} is blank
   */
  public static Principal of(String subject, Set<String> scopes, Map<String, Object> claims, String token) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank, was '" + subject + "'");
    }
    return new Principal(subject, Set.copyOf(scopes), Map.copyOf(claims), Objects.requireNonNull(token, "token"), false);
  }

  /** The token's {@code sub}: the job owner. */
  public String subject() {
    return subject;
  }

  /** The granted scopes (empty for {@link #DEVELOPER}, who has every scope; ask {@link #hasScope}). */
  public Set<String> scopes() {
    return scopes;
  }

  /** Whether the scope is granted. */
  public boolean hasScope(String scope) {
    return everyScope || scopes.contains(scope);
  }

  /** The verified token's claims ({@code exp}, {@code iat}, {@code nbf} as epoch seconds). */
  public Map<String, Object> claims() {
    return claims;
  }

  /** Whether this is {@link #DEVELOPER} (development mode). */
  public boolean isDevelopment() {
    return everyScope;
  }

  /**
   * The caller's own token as sdk-core {@link Authentication}, for calling another service on the
   * caller's behalf: {@code client.newBuilder().authentication(principal.forwardedAuthentication()
   * .orElseThrow()).build()}. As every {@code Authentication}, it is sent only to the client's own
   * origin. The token is not refreshed: it expires with the caller's. Empty for {@link #DEVELOPER}.
   * Service-to-service calls on the service's own behalf use {@link Authentication#oauth2} instead.
   */
  public Optional<Authentication> forwardedAuthentication() {
    return token == null ? Optional.empty() : Optional.of(Authentication.bearer(token));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Principal other && subject.equals(other.subject) && scopes.equals(other.scopes)
        && claims.equals(other.claims) && Objects.equals(token, other.token) && everyScope == other.everyScope;
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, scopes, everyScope);
  }

  @Override
  public String toString() {
    return "Principal{subject=" + subject + ", scopes=" + (everyScope ? "*" : scopes) + '}';
  }
}
