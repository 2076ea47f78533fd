package org.lfenergy.sogno.sdk.core;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link SognoClient} logs about each attempt, through SLF4J logger {@value #LOGGER_NAME} at
 * DEBUG level (so nothing appears until that logger is enabled).
 *
 * <p>Headers {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code
 * Set-Cookie}, plus any {@link Builder#redactHeader configured} names, are logged as {@code ██}, and
 * so are the values of query parameters such as {@code access_token} or {@code api_key} ({@link
 * #ALWAYS_REDACTED_QUERY}, plus {@link Builder#redactQueryParam configured} ones), and the user info of
 * URLs ({@code https://user:pass@host} is logged as {@code https://██@host}).
 * Bodies are off by default; when on, at most {@link Builder#maxBodyBytes} bytes of textual bodies
 * are logged.
 *
 * <p>Immutable value object.
 */
public final class LoggingConfig {
  /** The SLF4J logger the HTTP exchange is logged to. */
  public static final String LOGGER_NAME = "org.lfenergy.sogno.sdk.core.http";
  /** Headers always redacted. */
  public static final Set<String> ALWAYS_REDACTED = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie");

  /** Query parameters always redacted in logged URLs. */
  public static final Set<String> ALWAYS_REDACTED_QUERY = Set.of("access_token", "id_token", "refresh_token",
      "client_secret", "api_key", "apikey", "password", "token");

  private static final LoggingConfig DEFAULTS = builder().build();

  private final boolean headers;
  private final boolean bodies;
  private final int maxBodyBytes;
  private final Set<String> redactedHeaders;
  private final Set<String> redactedQueryParams;

  private LoggingConfig(Builder builder) {
    this.headers = builder.headers;
    this.bodies = builder.bodies;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.redactedHeaders = Set.copyOf(builder.redactedHeaders);
    this.redactedQueryParams = Set.copyOf(builder.redactedQueryParams);
  }

  /** Request and status lines plus (redacted) headers; no bodies. */
  public static LoggingConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder().headers(headers).bodies(bodies).maxBodyBytes(maxBodyBytes)
        .redactHeader(redactedHeaders.toArray(String[]::new))
        .redactQueryParam(redactedQueryParams.toArray(String[]::new));
  }

  public boolean headers() {
    return headers;
  }

  public boolean bodies() {
    return bodies;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Lower-case names of every redacted header. */
  public Set<String> redactedHeaders() {
    return redactedHeaders;
  }

  /** Whether header {@code name}'s value is hidden in logs. */
  public boolean isRedacted(String name) {
    return redactedHeaders.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether query parameter {@code name}'s value is hidden in logged URLs. */
  public boolean isRedactedQueryParam(String name) {
    return redactedQueryParams.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Builds {@link LoggingConfig}. Not thread-safe. */
  public static final class Builder {
    private boolean headers = true;
    private boolean bodies;
    private int maxBodyBytes = 4096;
    private final Set<String> redactedHeaders = new TreeSet<>(ALWAYS_REDACTED);
    private final Set<String> redactedQueryParams = new TreeSet<>(ALWAYS_REDACTED_QUERY);

    private Builder() {}

    /** Log headers (redacted); default on. */
    public Builder headers(boolean headers) {
      this.headers = headers;
      return this;
    }

    /** Log textual bodies up to {@link #maxBodyBytes}; default off. */
    public Builder bodies(boolean bodies) {
      this.bodies = bodies;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Also redact these headers (case-insensitive), e.g. {@code X-Api-Key}. */
    public Builder redactHeader(String... names) {
      for (String name : names) {
        redactedHeaders.add(name.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Also redact these query parameters (case-insensitive) in logged URLs. */
    public Builder redactQueryParam(String... names) {
      for (String name : names) {
        redactedQueryParams.add(name.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    public LoggingConfig build() {
      return new LoggingConfig(this);
    }
  }
}
