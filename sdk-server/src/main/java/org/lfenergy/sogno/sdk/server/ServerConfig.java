package org.lfenergy.sogno.sdk.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;
import org.lfenergy.sogno.sdk.server.internal.EnvironmentReader;

/**
 * How a {@link SognoServer} listens and what it accepts. Made with {@link #defaults()}, {@link
 * #builder()} or {@link #fromEnvironment(Map)}; {@link #toBuilder()} for variants.
 *
 * <table>
 *   <caption>Settings, their environment variables and defaults</caption>
 *   <tr><th>setting</th><th>variable</th><th>default</th><th>accepted</th></tr>
 *   <tr><td>host</td><td>{@code SOGNO_HTTP_HOST}</td><td>{@code 0.0.0.0}</td><td>an address or host name</td></tr>
 *   <tr><td>port</td><td>{@code SOGNO_HTTP_PORT}</td><td>8080</td><td>0-65535 (0 = any free port)</td></tr>
 *   <tr><td>maxRequestBytes</td><td>{@code SOGNO_MAX_REQUEST_BYTES}</td><td>1048576 (1 MiB)</td><td>1 to 2147483639</td></tr>
 *   <tr><td>trustedProxies</td><td>{@code SOGNO_TRUSTED_PROXIES}</td><td>none</td><td>comma-separated IP literals or CIDR blocks</td></tr>
 *   <tr><td>shutdownGrace</td><td>{@code SOGNO_SHUTDOWN_GRACE}</td><td>{@code PT20S}</td><td>an ISO-8601 duration, not negative</td></tr>
 *   <tr><td>validateResponses</td><td>{@code SOGNO_VALIDATE_RESPONSES}</td><td>{@code false}</td><td>{@code true} or {@code false}</td></tr>
 *   <tr><td>auth</td><td>{@code SOGNO_AUTH_*}</td><td>not configured</td><td>see {@link AuthConfig}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe. The builder's setters and {@link #fromEnvironment(Map)} throw {@link
 * IllegalArgumentException} naming the setting (or the variable) and the accepted form.
 */
public final class ServerConfig {
  /** The default request body limit: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  /** The largest body limit: the largest array a JVM allocates. */
  public static final int MAX_REQUEST_BYTES_LIMIT = Integer.MAX_VALUE - 8;

  private static final ServerConfig DEFAULTS = builder().build();

  private final String host;
  private final int port;
  private final int maxRequestBytes;
  private final List<String> trustedProxies;
  private final TrustedProxies proxies;
  private final Duration shutdownGrace;
  private final boolean validateResponses;
  private final AuthConfig auth;

  private ServerConfig(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.maxRequestBytes = b.maxRequestBytes;
    this.trustedProxies = b.trustedProxies;
    this.proxies = b.trustedProxies.isEmpty() ? TrustedProxies.none()
        : TrustedProxies.of(b.trustedProxies.toArray(String[]::new));
    this.shutdownGrace = b.shutdownGrace;
    this.validateResponses = b.validateResponses;
    this.auth = b.auth;
  }

  /** Every setting at its default. */
  public static ServerConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .maxRequestBytes(maxRequestBytes)
        .trustedProxies(trustedProxies)
        .shutdownGrace(shutdownGrace)
        .validateResponses(validateResponses)
        .auth(auth);
  }

  /**
   * Reads the settings from {@code environment} (usually {@code System.getenv()}); absent or blank
   * variables keep their defaults.
   *
   * @throws IllegalArgumentException naming the variable, the accepted form and the value, e.g.
   *     {@code SOGNO_HTTP_PORT must be a port number 0-65535, was 'abc'}
   */
  public static ServerConfig fromEnvironment(Map<String, String> environment) {
    EnvironmentReader env = new EnvironmentReader(environment);
    Builder builder = builder();
    env.text("SOGNO_HTTP_HOST").ifPresent(builder::host);
    env.integer("SOGNO_HTTP_PORT", 0, 65535, "a port number 0-65535").ifPresent(builder::port);
    env.integer("SOGNO_MAX_REQUEST_BYTES", 1, MAX_REQUEST_BYTES_LIMIT,
        "a whole number of bytes from 1 to " + MAX_REQUEST_BYTES_LIMIT).ifPresent(builder::maxRequestBytes);
    env.text("SOGNO_TRUSTED_PROXIES").ifPresent(value -> env.apply("SOGNO_TRUSTED_PROXIES", value,
        "comma-separated IP addresses or CIDR blocks such as 10.0.0.0/8,::1",
        () -> builder.trustedProxies(splitList(value))));
    env.duration("SOGNO_SHUTDOWN_GRACE").ifPresent(builder::shutdownGrace);
    env.bool("SOGNO_VALIDATE_RESPONSES").ifPresent(builder::validateResponses);
    builder.auth(AuthConfig.fromEnvironment(environment));
    return builder.build();
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The address to listen on. */
  public String host() {
    return host;
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** The largest request body accepted; larger ones get 413 {@code content-too-large}. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** The proxies whose {@code Forwarded}/{@code X-Forwarded-*} headers are believed, as configured. */
  public List<String> trustedProxies() {
    return trustedProxies;
  }

  /** {@link #trustedProxies()} as sdk-async's {@link TrustedProxies}. */
  public TrustedProxies proxies() {
    return proxies;
  }

  /** How long a stop waits for requests in flight. */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** Whether every answer is checked against the spec (off by default; on in tests). */
  public boolean validateResponses() {
    return validateResponses;
  }

  /**
   * How bearer tokens are checked on the operations whose spec {@code security} requires them;
   * {@link AuthConfig#defaults()} (not configured) unless set.
   */
  public AuthConfig auth() {
    return auth;
  }

  /** A copy listening on {@code port}. */
  public ServerConfig withPort(int port) {
    return toBuilder().port(port).build();
  }

  /** A copy with response validation on or off. */
  public ServerConfig withValidateResponses(boolean validate) {
    return toBuilder().validateResponses(validate).build();
  }

  @Override
  public String toString() {
    return "ServerConfig{host=" + host + ", port=" + port + ", maxRequestBytes=" + maxRequestBytes
        + ", trustedProxies=" + trustedProxies + ", shutdownGrace=" + shutdownGrace
        + ", validateResponses=" + validateResponses + ", auth=" + auth + '}';
  }

  /** Builds a {@link ServerConfig}; setters fail fast. Not thread-safe. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private List<String> trustedProxies = List.of();
    private Duration shutdownGrace = Duration.ofSeconds(20);
    private boolean validateResponses;
    private AuthConfig auth = AuthConfig.defaults();

    private Builder() {}

    /** @throws IllegalArgumentException when blank */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank, was '" + host + "'");
      }
      this.host = host.trim();
      return this;
    }

    /** @throws IllegalArgumentException outside 0-65535 */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be a port number 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** @throws IllegalArgumentException below 1 or above {@link #MAX_REQUEST_BYTES_LIMIT} */
    public Builder maxRequestBytes(int maxRequestBytes) {
      if (maxRequestBytes < 1 || maxRequestBytes > MAX_REQUEST_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxRequestBytes must be from 1 to " + MAX_REQUEST_BYTES_LIMIT
            + ", was " + maxRequestBytes);
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    /**
     * @param addressesOrCidrs IP literals or CIDR blocks; host names are refused (trust must not
     *     depend on DNS)
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public Builder trustedProxies(List<String> addressesOrCidrs) {
      List<String> copy = List.copyOf(Objects.requireNonNull(addressesOrCidrs, "trustedProxies"));
      try {
        TrustedProxies.of(copy.toArray(String[]::new));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("trustedProxies must be IP addresses or CIDR blocks: " + e.getMessage(), e);
      }
      this.trustedProxies = copy;
      return this;
    }

    /** @throws IllegalArgumentException when negative */
    public Builder shutdownGrace(Duration grace) {
      if (grace == null || grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace must be a duration of zero or more, was " + grace);
      }
      this.shutdownGrace = grace;
      return this;
    }

    /** Checks every answer against the spec (see {@link ResponseValidationException}). */
    public Builder validateResponses(boolean validate) {
      this.validateResponses = validate;
      return this;
    }

    /** How bearer tokens are checked (see {@link AuthConfig}). */
    public Builder auth(AuthConfig auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(this);
    }
  }
}
