package org.lfenergy.sogno.sdk.server.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.server.internal.EnvironmentReader;
import org.lfenergy.sogno.sdk.server.internal.auth.Urls;

/**
 * How a {@link org.lfenergy.sogno.sdk.server.SognoServer} checks bearer tokens (JWTs of the
 * platform's OIDC provider) on the operations whose spec {@code security} requires them. Part of
 * {@link org.lfenergy.sogno.sdk.server.ServerConfig#auth()}; made with {@link #defaults()} (not
 * configured), {@link #builder()}, {@link #development()} or {@link #fromEnvironment(Map)}.
 *
 * <table>
 *   <caption>Settings, their environment variables and defaults</caption>
 *   <tr><th>setting</th><th>variable</th><th>default</th></tr>
 *   <tr><td>issuer</td><td>{@code SOGNO_AUTH_ISSUER}</td><td>none: {@code iss} must equal it exactly</td></tr>
 *   <tr><td>audience</td><td>{@code SOGNO_AUTH_AUDIENCE}</td><td>none: {@code aud} must contain it</td></tr>
 *   <tr><td>jwksUri</td><td>{@code SOGNO_AUTH_JWKS_URI}</td><td>discovered from {@code <issuer>/.well-known/openid-configuration}</td></tr>
 *   <tr><td>clockSkew</td><td>{@code SOGNO_AUTH_CLOCK_SKEW}</td><td>{@code PT60S} (at most {@code PT5M})</td></tr>
 *   <tr><td>scopeClaims</td><td>{@code SOGNO_AUTH_SCOPE_CLAIM}</td><td>{@code scope,scp}</td></tr>
 *   <tr><td>realmRoles</td><td>{@code SOGNO_AUTH_REALM_ROLES}</td><td>{@code false}: Keycloak's {@code realm_access.roles} as scopes</td></tr>
 *   <tr><td>clientRoles</td><td>{@code SOGNO_AUTH_CLIENT_ROLES}</td><td>none: Keycloak's {@code resource_access.<client>.roles} as scopes</td></tr>
 *   <tr><td>jwksRefreshInterval</td><td>{@code SOGNO_AUTH_JWKS_REFRESH_INTERVAL}</td><td>{@code PT30S}: the least time between two JWKS fetches</td></tr>
 *   <tr><td>jwksTimeout</td><td>{@code SOGNO_AUTH_JWKS_TIMEOUT}</td><td>{@code PT5S}: the longest a request waits for keys</td></tr>
 *   <tr><td>jwksCacheTtl</td><td>-</td><td>{@code PT5M}: keys are fetched again after it</td></tr>
 *   <tr><td>jwksMaxBytes</td><td>-</td><td>262144: larger JWKS or discovery documents are refused</td></tr>
 *   <tr><td>allowInsecureHttp</td><td>{@code SOGNO_AUTH_INSECURE_HTTP}</td><td>{@code false}: plain {@code http} JWKS and discovery only on loopback addresses</td></tr>
 *   <tr><td>development</td><td>{@code SOGNO_AUTH_DISABLED}</td><td>{@code false}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. Setters and {@link #fromEnvironment(Map)} throw {@link
 * IllegalArgumentException} naming the setting (or variable) and the value; {@link Builder#build()}
 * refuses settings that contradict each other (an audience without issuer, a plain {@code http}
 * JWKS URL on another host, development mode together with an issuer).
 */
public final class AuthConfig {
  /** The default clock skew allowed for {@code exp}, {@code nbf} and {@code iat}. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  /** The largest clock skew accepted. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private static final AuthConfig DEFAULTS = builder().build();

  private final String issuer;
  private final String audience;
  private final URI jwksUri;
  private final Duration clockSkew;
  private final List<String> scopeClaims;
  private final boolean realmRoles;
  private final List<String> clientRoles;
  private final Duration jwksRefreshInterval;
  private final Duration jwksTimeout;
  private final Duration jwksCacheTtl;
  private final int jwksMaxBytes;
  private final boolean allowInsecureHttp;
  private final boolean development;

  private AuthConfig(Builder b) {
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.jwksUri = b.jwksUri;
    this.clockSkew = b.clockSkew;
    this.scopeClaims = b.scopeClaims;
    this.realmRoles = b.realmRoles;
    this.clientRoles = b.clientRoles;
    this.jwksRefreshInterval = b.jwksRefreshInterval;
    this.jwksTimeout = b.jwksTimeout;
    this.jwksCacheTtl = b.jwksCacheTtl;
    this.jwksMaxBytes = b.jwksMaxBytes;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.development = b.development;
  }

  /** Not configured: a server whose spec requires security refuses to start with it. */
  public static AuthConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Development mode ({@code SOGNO_AUTH_DISABLED=true}): every request is the fixed development
   * principal with every scope. Allowed only on a server listening on a loopback address.
   */
  public static AuthConfig development() {
    return builder().development(true).build();
  }

  /** A builder starting from the defaults (not configured). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.issuer = issuer;
    b.audience = audience;
    b.jwksUri = jwksUri;
    return b.clockSkew(clockSkew).scopeClaims(scopeClaims).realmRoles(realmRoles).clientRoles(clientRoles)
        .jwksRefreshInterval(jwksRefreshInterval).jwksTimeout(jwksTimeout).jwksCacheTtl(jwksCacheTtl)
        .jwksMaxBytes(jwksMaxBytes).allowInsecureHttp(allowInsecureHttp).development(development);
  }

  /**
   * Reads the {@code SOGNO_AUTH_*} variables of {@code environment} (see the table above); absent or
   * blank ones keep their defaults.
   *
   * @throws IllegalArgumentException naming the variable and the value, or the variables that
   *     contradict each other (see {@link Builder#build()})
   */
  public static AuthConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentReader env = new EnvironmentReader(environment);
    Builder b = builder();
    env.bool("SOGNO_AUTH_DISABLED").ifPresent(b::development);
    env.text("SOGNO_AUTH_ISSUER").ifPresent(v -> env.apply("SOGNO_AUTH_ISSUER", v, "an absolute http(s) URL",
        () -> b.issuer(v)));
    env.text("SOGNO_AUTH_AUDIENCE").ifPresent(b::audience);
    env.text("SOGNO_AUTH_JWKS_URI").ifPresent(v -> env.apply("SOGNO_AUTH_JWKS_URI", v, "an absolute http(s) URL",
        () -> b.jwksUri(Urls.parse("jwksUri", v))));
    env.duration("SOGNO_AUTH_CLOCK_SKEW").ifPresent(v -> env.apply("SOGNO_AUTH_CLOCK_SKEW", v.toString(),
        "a duration from PT0S to " + MAX_CLOCK_SKEW, () -> b.clockSkew(v)));
    env.text("SOGNO_AUTH_SCOPE_CLAIM").ifPresent(v -> env.apply("SOGNO_AUTH_SCOPE_CLAIM", v,
        "comma-separated claim names", () -> b.scopeClaims(list(v))));
    env.bool("SOGNO_AUTH_REALM_ROLES").ifPresent(b::realmRoles);
    env.text("SOGNO_AUTH_CLIENT_ROLES").ifPresent(v -> b.clientRoles(list(v)));
    env.duration("SOGNO_AUTH_JWKS_REFRESH_INTERVAL").ifPresent(v -> env.apply("SOGNO_AUTH_JWKS_REFRESH_INTERVAL",
        v.toString(), "a positive duration", () -> b.jwksRefreshInterval(v)));
    env.duration("SOGNO_AUTH_JWKS_TIMEOUT").ifPresent(v -> env.apply("SOGNO_AUTH_JWKS_TIMEOUT", v.toString(),
        "a positive duration of at most PT1M", () -> b.jwksTimeout(v)));
    env.bool("SOGNO_AUTH_INSECURE_HTTP").ifPresent(b::allowInsecureHttp);
    return b.build();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Whether tokens are checked (an issuer is set) or development mode is on. */
  public boolean isConfigured() {
    return development || issuer != null;
  }

  /** Development mode: no tokens, a fixed principal with every scope; loopback binds only. */
  public boolean isDevelopment() {
    return development;
  }

  /** The expected {@code iss}, compared exactly. */
  public Optional<String> issuer() {
    return Optional.ofNullable(issuer);
  }

  /** The service's audience, which {@code aud} must contain. */
  public Optional<String> audience() {
    return Optional.ofNullable(audience);
  }

  /** The JWKS URL; empty when it is discovered from the issuer. */
  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  /** How far {@code exp}, {@code nbf} and {@code iat} may be off the service's clock. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** The claims scopes are read from, space-separated strings or arrays; all of them count. */
  public List<String> scopeClaims() {
    return scopeClaims;
  }

  /** Whether Keycloak's {@code realm_access.roles} count as scopes. */
  public boolean realmRoles() {
    return realmRoles;
  }

  /** The clients whose Keycloak {@code resource_access.<client>.roles} count as scopes. */
  public List<String> clientRoles() {
    return clientRoles;
  }

  /** The least time between two JWKS (or discovery) fetches, also for unknown {@code kid}s. */
  public Duration jwksRefreshInterval() {
    return jwksRefreshInterval;
  }

  /** The longest a request waits for keys (connect, read and the whole fetch). */
  public Duration jwksTimeout() {
    return jwksTimeout;
  }

  /** How long fetched keys are used before they are fetched again. */
  public Duration jwksCacheTtl() {
    return jwksCacheTtl;
  }

  /** The largest JWKS or discovery document read. */
  public int jwksMaxBytes() {
    return jwksMaxBytes;
  }

  /** Whether plain {@code http} JWKS and discovery URLs on other than loopback hosts are accepted (logged at WARN). */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthConfig other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "AuthConfig{development=" + development + ", issuer=" + issuer + ", audience=" + audience
        + ", jwksUri=" + jwksUri + ", clockSkew=" + clockSkew + ", scopeClaims=" + scopeClaims
        + ", realmRoles=" + realmRoles + ", clientRoles=" + clientRoles + ", jwksRefreshInterval="
        + jwksRefreshInterval + ", jwksTimeout=" + jwksTimeout + ", jwksCacheTtl=" + jwksCacheTtl
        + ", jwksMaxBytes=" + jwksMaxBytes + ", allowInsecureHttp=" + allowInsecureHttp + '}';
  }

  /** Builds an {@link AuthConfig}; setters fail fast. Not thread-safe. */
  public static final class Builder {
    private String issuer;
    private String audience;
    private URI jwksUri;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private List<String> scopeClaims = List.of("scope", "scp");
    private boolean realmRoles;
    private List<String> clientRoles = List.of();
    private Duration jwksRefreshInterval = Duration.ofSeconds(30);
    private Duration jwksTimeout = Duration.ofSeconds(5);
    private Duration jwksCacheTtl = Duration.ofMinutes(5);
    private int jwksMaxBytes = 256 * 1024;
    private boolean allowInsecureHttp;
    private boolean development;

    private Builder() {}

    /** @throws IllegalArgumentException unless an absolute http(s) URL */
    public Builder issuer(String issuer) {
      Urls.requireHttp("issuer", Urls.parse("issuer", Objects.requireNonNull(issuer, "issuer")));
      this.issuer = issuer.trim();
      return this;
    }

    /** @throws IllegalArgumentException when blank */
    public Builder audience(String audience) {
      this.audience = nonBlank("audience", audience);
      return this;
    }

    /** @throws IllegalArgumentException unless an absolute http(s) URL */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = Urls.requireHttp("jwksUri", Objects.requireNonNull(jwksUri, "jwksUri"));
      return this;
    }

    /** @throws IllegalArgumentException when negative or above {@link #MAX_CLOCK_SKEW} */
    public Builder clockSkew(Duration skew) {
      if (skew == null || skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException("clockSkew must be from PT0S to " + MAX_CLOCK_SKEW + ", was " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /** @throws IllegalArgumentException when empty or a name is blank */
    public Builder scopeClaims(List<String> claims) {
      List<String> copy = List.copyOf(claims);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("scopeClaims must name at least one claim, was " + claims);
      }
      copy.forEach(c -> nonBlank("scopeClaims", c));
      this.scopeClaims = copy;
      return this;
    }

    /** Count Keycloak's {@code realm_access.roles} as scopes. */
    public Builder realmRoles(boolean realmRoles) {
      this.realmRoles = realmRoles;
      return this;
    }

    /**
     * Count Keycloak's {@code resource_access.<client>.roles} of these clients as scopes.
     *
     * @throws IllegalArgumentException when a client id is blank
     */
    public Builder clientRoles(List<String> clients) {
      List<String> copy = List.copyOf(clients);
      copy.forEach(c -> nonBlank("clientRoles", c));
      this.clientRoles = copy;
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder jwksRefreshInterval(Duration interval) {
      this.jwksRefreshInterval = positive("jwksRefreshInterval", interval, null);
      return this;
    }

    /** @throws IllegalArgumentException unless positive and at most a minute */
    public Builder jwksTimeout(Duration timeout) {
      this.jwksTimeout = positive("jwksTimeout", timeout, Duration.ofMinutes(1));
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder jwksCacheTtl(Duration ttl) {
      this.jwksCacheTtl = positive("jwksCacheTtl", ttl, null);
      return this;
    }

    /** @throws IllegalArgumentException below 1 KiB */
    public Builder jwksMaxBytes(int maxBytes) {
      if (maxBytes < 1024) {
        throw new IllegalArgumentException("jwksMaxBytes must be at least 1024, was " + maxBytes);
      }
      this.jwksMaxBytes = maxBytes;
      return this;
    }

    /** Accept plain {@code http} JWKS and discovery on any host: whoever intercepts them can forge tokens. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** Development mode; see {@link AuthConfig#isDevelopment()}. */
    public Builder development(boolean development) {
      this.development = development;
      return this;
    }

    /**
     * @throws IllegalArgumentException when settings contradict each other: an audience or JWKS URL
     *     without issuer (or the reverse), development mode with an issuer, or a plain {@code http}
     *     JWKS or discovery URL on a host other than a loopback address without {@link
     *     #allowInsecureHttp(boolean)}
     */
    public AuthConfig build() {
      if (development && (issuer != null || jwksUri != null)) {
        throw new IllegalArgumentException("development mode (SOGNO_AUTH_DISABLED=true) turns token checks off;"
            + " it cannot be combined with issuer (SOGNO_AUTH_ISSUER) " + issuer + " or jwksUri (SOGNO_AUTH_JWKS_URI) "
            + jwksUri);
      }
      if (issuer != null && audience == null) {
        throw new IllegalArgumentException("audience (SOGNO_AUTH_AUDIENCE) is required with issuer (SOGNO_AUTH_ISSUER) "
            + issuer);
      }
      if (issuer == null && (audience != null || jwksUri != null)) {
        throw new IllegalArgumentException("issuer (SOGNO_AUTH_ISSUER) is required with audience (SOGNO_AUTH_AUDIENCE) "
            + audience + " or jwksUri (SOGNO_AUTH_JWKS_URI) " + jwksUri);
      }
      if (issuer != null && !allowInsecureHttp) {
        if (jwksUri != null) {
          Urls.requireSecure("jwksUri", jwksUri);
        } else {
          Urls.requireSecure("issuer", URI.create(issuer));
        }
      }
      return new AuthConfig(this);
    }

    private static String nonBlank(String setting, String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank, was '" + value + "'");
      }
      return value.trim();
    }

    private static Duration positive(String setting, Duration value, Duration max) {
      if (value == null || value.isNegative() || value.isZero() || (max != null && value.compareTo(max) > 0)) {
        throw new IllegalArgumentException(setting + " must be positive" + (max == null ? "" : " and at most " + max)
            + ", was " + value);
      }
      return value;
    }
  }
}
