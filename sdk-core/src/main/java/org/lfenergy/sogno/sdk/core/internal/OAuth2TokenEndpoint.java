package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.AuthenticationException;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One token request to an OAuth2 token endpoint; no caching here. */
public final class OAuth2TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(OAuth2TokenEndpoint.class);
  private static final Duration LIFETIME_WHEN_UNSTATED = Duration.ofMinutes(1);
  private static final long MAX_RESPONSE_BYTES = 64 * 1024;

  private final OkHttpClient http;
  private final URI uri;
  private final String shownUri;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final boolean secretInBody;

  public OAuth2TokenEndpoint(OkHttpClient http, URI uri, String clientId, String clientSecret, String scope,
      boolean secretInBody) {
    this.http = http;
    this.uri = uri;
    this.shownUri = Redaction.forMessage(uri);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scope = scope;
    this.secretInBody = secretInBody;
  }

  /** An access token and when it stops being usable. */
  public record Token(String authorization, Instant expiresAt) {
    public boolean isUsableAt(Instant now, Duration refreshBefore) {
      return now.isBefore(expiresAt.minus(refreshBefore));
    }

    @Override
    public String toString() {
      return "Token{expiresAt=" + expiresAt + "}";
    }
  }

  /**
   * Asks the endpoint for a token.
   *
   * @throws AuthenticationException when the endpoint rejects the client or answers without a token
   * @throws TransportException when the endpoint cannot be reached
   */
  public Token fetch(Instant now) {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!scope.isEmpty()) {
      form.add("scope", scope);
    }
    Request.Builder request = new Request.Builder().url(uri.toString()).header("Accept", "application/json");
    if (secretInBody) {
      form.add("client_id", clientId).add("client_secret", clientSecret);
    } else {
      // RFC 6749 §2.3.1: id and secret are form-encoded before they go into Basic credentials.
      request.header("Authorization", Credentials.basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
          URLEncoder.encode(clientSecret, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
    LOG.debug("--> POST {} (OAuth2 client credentials for client id {})", shownUri, clientId);
    try (Response response = http.newCall(request.post(form.build()).build()).execute()) {
      byte[] bytes = response.peekBody(MAX_RESPONSE_BYTES).bytes();
      LOG.debug("<-- {} {} (OAuth2 token response, body not logged)", response.code(), shownUri);
      if (!response.isSuccessful()) {
        throw new AuthenticationException("OAuth2 token endpoint " + shownUri + " answered " + response.code()
            + errorCode(bytes), null);
      }
      return token(bytes, now);
    } catch (IOException e) {
      throw new TransportException("OAuth2 token endpoint " + shownUri + " could not be reached: " + e, e, null);
    }
  }

  private Token token(byte[] bytes, Instant now) {
    Map<?, ?> members = members(bytes);
    Object accessToken = members == null ? null : members.get("access_token");
    if (!(accessToken instanceof String) || ((String) accessToken).isEmpty()) {
      throw new AuthenticationException("OAuth2 token endpoint " + shownUri + " answered without an access_token", null);
    }
    Object type = members.get("token_type");
    if (type != null && !"bearer".equals(String.valueOf(type).toLowerCase(Locale.ROOT))) {
      throw new AuthenticationException("OAuth2 token endpoint " + shownUri + " issued an unsupported token_type '"
          + type + "'; only bearer tokens are supported", null);
    }
    Object expiresIn = members.get("expires_in");
    Duration lifetime = expiresIn instanceof Number
        ? Duration.ofSeconds(((Number) expiresIn).longValue())
        : LIFETIME_WHEN_UNSTATED;
    return new Token("Bearer " + accessToken, now.plus(lifetime));
  }

  private static Map<?, ?> members(byte[] bytes) {
    try {
      Object json = SognoJson.defaults().readUntyped(bytes);
      return json instanceof Map ? (Map<?, ?>) json : null;
    } catch (JsonException e) {
      return null;
    }
  }

  private static String errorCode(byte[] bytes) {
    Map<?, ?> members = members(bytes);
    Object error = members == null ? null : members.get("error");
    return error instanceof String ? ": " + error : "";
  }

  @Override
  public String toString() {
    return shownUri + " (client id " + clientId + ")";
  }
}
