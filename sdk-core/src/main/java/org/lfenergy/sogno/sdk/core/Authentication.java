package org.lfenergy.sogno.sdk.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Credentials for the calls of a {@link SognoClient}: produces the {@code Authorization} header value.
 *
 * <p>The client attaches credentials only to requests whose origin (scheme, host, port) equals its
 * base URL's origin, so following a {@code Location} or link to another host never leaks them. A
 * request that already carries an {@code Authorization} header is left alone.
 *
 * <p>Implementations must be thread-safe: many calls ask for the header at once.
 */
public interface Authentication {
  /** No credentials. */
  Authentication NONE = () -> null;

  /**
   * The {@code Authorization} header value for the next request, or {@code null} for none. May
   * block, e.g. while fetching a token.
   *
   * @throws SognoException when credentials cannot be obtained ({@link AuthenticationException},
   *     {@link TransportException})
   */
  String authorization();

  /**
   * Called when the server answered 401 to a request sent with {@code rejected}. Returns whether
   * fresh credentials may now be available, in which case the client retries the request once.
   */
  default boolean refreshAfterUnauthorized(String rejected) {
    return false;
  }

  /** A fixed bearer token. Never refreshed: a 401 goes straight to the caller. */
  static Authentication bearer(String token) {
    Objects.requireNonNull(token, "token");
    String header = "Bearer " + token;
    return () -> header;
  }

  /**
   * A bearer token asked from {@code tokens} before every request (it should cache). After a 401 the
   * request is retried once if the supplier then returns a different token.
   */
  static Authentication bearer(Supplier<String> tokens) {
    Objects.requireNonNull(tokens, "tokens");
    return new Authentication() {
      @Override
      public String authorization() {
        String token = tokens.get();
        return token == null ? null : "Bearer " + token;
      }

      @Override
      public boolean refreshAfterUnauthorized(String rejected) {
        String token = tokens.get();
        return token != null && !("Bearer " + token).equals(rejected);
      }
    };
  }

  /** OAuth2 client credentials (RFC 6749 §4.4), tokens cached until shortly before expiry. */
  static Authentication oauth2(OAuth2ClientCredentials credentials) {
    return Objects.requireNonNull(credentials, "credentials");
  }
}
