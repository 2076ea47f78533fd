package org.lfenergy.sogno.sdk.core;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.OkHttpClient;
import org.lfenergy.sogno.sdk.core.internal.OAuth2TokenEndpoint;
import org.lfenergy.sogno.sdk.core.internal.OAuth2TokenEndpoint.Token;
import org.lfenergy.sogno.sdk.core.internal.Loopback;
import org.lfenergy.sogno.sdk.core.internal.Redaction;
import org.lfenergy.sogno.sdk.core.internal.SharedHttp;

/**
 * OAuth2 client-credentials authentication (RFC 6749 §4.4): fetches an access token from the token
 * endpoint with the client id and secret, caches it until {@link Builder#refreshBefore shortly before}
 * it expires, and fetches a new one after a 401.
 *
 * <pre>{@code
 * Authentication auth = OAuth2ClientCredentials.builder()
 *     .tokenEndpoint("https://keycloak.example/realms/sogno/protocol/openid-connect/token")
 *     .clientId("powerflow-client").clientSecret(System.getenv("CLIENT_SECRET"))
 *     .scope("powerflow")
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe and single-flight: when many threads need a token at once, one fetches it and the
 * others wait for that result, success or failure (so a failing token endpoint gets one request, not
 * one per waiting caller). Share one instance between clients that use the same credentials. The
 * token request is not logged with its body, and neither secret nor token appears in any exception
 * message. A plain {@code http://} token endpoint is refused at {@link Builder#build()} unless it is
 * loopback or {@link Builder#allowInsecureHttp(boolean) explicitly allowed}. Failures: {@link
 * AuthenticationException} when the endpoint rejects the client or answers
 * with something that is not a token, {@link TransportException} when it cannot be reached.
 */
public final class OAuth2ClientCredentials implements Authentication {
  private final OAuth2TokenEndpoint endpoint;
  private final Duration refreshBefore;
  private final Clock clock;
  private final ReentrantLock fetchLock = new ReentrantLock();
  private volatile Token current;
  private volatile FailedFetch lastFailure;

  private OAuth2ClientCredentials(Builder builder) {
    this.endpoint = new OAuth2TokenEndpoint(builder.httpClient, builder.tokenEndpoint, builder.clientId,
        builder.clientSecret, String.join(" ", builder.scopes), builder.sendSecretInBody);
    this.refreshBefore = builder.refreshBefore;
    this.clock = builder.clock;
  }

  /** A builder; token endpoint, client id and client secret are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String authorization() {
    Token token = current;
    if (token != null && token.isUsableAt(clock.instant(), refreshBefore)) {
      return token.authorization();
    }
    long arrived = System.nanoTime();
    fetchLock.lock();
    try {
      token = current;
      if (token != null && token.isUsableAt(clock.instant(), refreshBefore)) {
        return token.authorization();
      }
      FailedFetch failed = lastFailure;
      if (failed != null && failed.atNanos - arrived > 0) {
        // A fetch this caller waited for just failed: share its outcome instead of asking again.
        throw failed.forAnotherCaller();
      }
      try {
        token = endpoint.fetch(clock.instant());
      } catch (SognoException e) {
        lastFailure = new FailedFetch(System.nanoTime(), e);
        throw e;
      }
      current = token;
      lastFailure = null;
      return token.authorization();
    } finally {
      fetchLock.unlock();
    }
  }

  /** Drops the cached token if it is the rejected one; the retry then fetches a fresh token. */
  @Override
  public boolean refreshAfterUnauthorized(String rejected) {
    fetchLock.lock();
    try {
      Token token = current;
      if (token != null && token.authorization().equals(rejected)) {
        current = null;
      }
      return true;
    } finally {
      fetchLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "OAuth2ClientCredentials{" + endpoint + "}";
  }

  /** The failure of the latest token fetch, handed to the callers that were waiting for it. */
  private record FailedFetch(long atNanos, SognoException failure) {
    SognoException forAnotherCaller() {
      return failure instanceof TransportException
          ? new TransportException(failure.getMessage(), failure, null)
          : new AuthenticationException(failure.getMessage(), failure);
    }
  }

  /** Builds {@link OAuth2ClientCredentials}. Not thread-safe. */
  public static final class Builder {
    private URI tokenEndpoint;
    private String clientId;
    private String clientSecret;
    private final List<String> scopes = new ArrayList<>();
    private Duration refreshBefore = Duration.ofSeconds(30);
    private boolean sendSecretInBody;
    private boolean allowInsecureHttp;
    private OkHttpClient httpClient = SharedHttp.base();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder tokenEndpoint(String tokenEndpoint) {
      return tokenEndpoint(URI.create(tokenEndpoint));
    }

    public Builder tokenEndpoint(URI tokenEndpoint) {
      this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /** Scopes to request, joined with spaces; none by default. */
    public Builder scope(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** How long before expiry a cached token is replaced; default 30 seconds. */
    public Builder refreshBefore(Duration refreshBefore) {
      if (refreshBefore.isNegative()) {
        throw new IllegalArgumentException("refreshBefore must not be negative: " + refreshBefore);
      }
      this.refreshBefore = refreshBefore;
      return this;
    }

    /**
     * Send id and secret as form fields ({@code client_secret_post}) instead of HTTP Basic
     * ({@code client_secret_basic}, the default every server must support).
     */
    public Builder sendSecretInBody(boolean sendSecretInBody) {
      this.sendSecretInBody = sendSecretInBody;
      return this;
    }

    /**
     * Allow a plain {@code http://} token endpoint on a host other than loopback ({@code localhost},
     * 127.0.0.0/8, {@code ::1}); default false, because the client secret and the token would cross
     * the network in clear text. Only for test rigs on a trusted network.
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /** The HTTP client for token requests; by default the SDK's shared one, without the SDK pipeline. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** The clock expiry is measured with; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalStateException when token endpoint, client id or secret is missing
     * @throws IllegalArgumentException when the token endpoint is not an absolute http(s) URL, or is
     *     plain {@code http://} to a host other than loopback without {@link #allowInsecureHttp(boolean)};
     *     the message names the URL without user info or query
     */
    public OAuth2ClientCredentials build() {
      if (tokenEndpoint == null || clientId == null || clientSecret == null) {
        throw new IllegalStateException("OAuth2 client credentials need tokenEndpoint, clientId and clientSecret");
      }
      String scheme = tokenEndpoint.getScheme() == null ? "" : tokenEndpoint.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || tokenEndpoint.getHost() == null) {
        throw new IllegalArgumentException("tokenEndpoint must be an absolute https URL: "
            + Redaction.forMessage(tokenEndpoint));
      }
      if (scheme.equals("http") && !allowInsecureHttp && !Loopback.isLoopback(tokenEndpoint.getHost())) {
        throw new IllegalArgumentException("tokenEndpoint " + Redaction.forMessage(tokenEndpoint)
            + " is plain http to a host that is not loopback: the client secret would travel in clear text."
            + " Use https, or allowInsecureHttp(true) on a trusted network");
      }
      return new OAuth2ClientCredentials(this);
    }
  }
}
