package org.lfenergy.sogno.sdk.server.internal.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;

/**
 * Where the issuer's JWKS is: the configured URL, or the {@code jwks_uri} of the issuer's OpenID
 * discovery document ({@code <issuer>/.well-known/openid-configuration}, read once it worked; its
 * {@code issuer} must equal the configured one). Both are read with connect and read timeouts of
 * {@link AuthConfig#jwksTimeout()} and at most {@link AuthConfig#jwksMaxBytes()}; a discovered URL
 * obeys the same {@code https} rule as a configured one. Thread-safe.
 */
final class KeyLocation {
  private final String issuer;
  private final boolean allowInsecureHttp;
  private final DefaultResourceRetriever retriever;
  private volatile URI jwksUri;

  KeyLocation(AuthConfig config) {
    this.issuer = config.issuer().orElseThrow();
    this.allowInsecureHttp = config.allowInsecureHttp();
    this.jwksUri = config.jwksUri().orElse(null);
    int timeout = (int) config.jwksTimeout().toMillis();
    this.retriever = new DefaultResourceRetriever(timeout, timeout, config.jwksMaxBytes());
  }

  /**
   * @throws IllegalStateException when discovery fails or names an unacceptable JWKS URL
   * @throws UncheckedIOException when the discovery document cannot be read
   */
  URI jwksUri() {
    URI known = jwksUri;
    if (known != null) {
      return known;
    }
    URI discovery = URI.create(stripSlash(issuer) + "/.well-known/openid-configuration");
    Map<String, Object> document;
    try {
      document = JSONObjectUtils.parse(read(discovery));
    } catch (ParseException e) {
      throw new IllegalStateException("The discovery document at " + discovery + " is not a JSON object", e);
    }
    if (!issuer.equals(document.get("issuer"))) {
      throw new IllegalStateException("The discovery document at " + discovery + " names issuer '"
          + document.get("issuer") + "', not " + issuer);
    }
    if (!(document.get("jwks_uri") instanceof String uri)) {
      throw new IllegalStateException("The discovery document at " + discovery + " has no jwks_uri");
    }
    URI found = Urls.requireHttp("jwks_uri", Urls.parse("jwks_uri", uri));
    if (!allowInsecureHttp) {
      Urls.requireSecure("jwks_uri of " + discovery, found);
    }
    jwksUri = found;
    return found;
  }

  /** @throws UncheckedIOException when {@code uri} cannot be read within the bounds */
  String read(URI uri) {
    try {
      return retriever.retrieveResource(uri.toURL()).getContent();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + uri + ": " + e.getMessage(), e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
