package org.lfenergy.sogno.samples.powerflow;

import java.net.URI;
import java.util.Objects;

/**
 * How the service checks bearer tokens (SOGNO-700 to SOGNO-703): the identity provider's JWKS URL
 * and issuer, and the audience the tokens must name. Part of {@link ServiceConfig}.
 *
 * <p>{@link #disabled()} turns checking off for local runs and demos only: every request is then
 * anonymous and every job visible to everyone. Immutable; the constructor requires a JWKS URL and an
 * issuer unless checking is disabled, and throws {@link IllegalArgumentException} naming the
 * environment variable otherwise.
 */
public record AuthSettings(boolean isDisabled, URI jwksUri, String issuer, String audience) {
  /** The audience tokens must carry unless {@code SOGNO_AUTH_AUDIENCE} says otherwise. */
  public static final String DEFAULT_AUDIENCE = "powerflow";

  public AuthSettings {
    if (!isDisabled) {
      if (jwksUri == null || issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("SOGNO_AUTH_JWKS_URI and SOGNO_AUTH_ISSUER are required"
            + " (or SOGNO_AUTH_DISABLED=true for a local run without tokens)");
      }
      if (!"https".equals(jwksUri.getScheme()) && !"http".equals(jwksUri.getScheme())) {
        throw new IllegalArgumentException(
            "SOGNO_AUTH_JWKS_URI must be an http(s) URL, got '" + jwksUri + "'");
      }
      Objects.requireNonNull(audience, "audience");
    }
  }

  /** No token checking: for local runs and demos only. */
  public static AuthSettings disabled() {
    return new AuthSettings(true, null, null, DEFAULT_AUDIENCE);
  }

  /** Tokens signed by a key of {@code jwksUri}, issued by {@code issuer}, for {@code audience}. */
  public static AuthSettings jwt(URI jwksUri, String issuer, String audience) {
    return new AuthSettings(false, jwksUri, issuer, audience);
  }
}
