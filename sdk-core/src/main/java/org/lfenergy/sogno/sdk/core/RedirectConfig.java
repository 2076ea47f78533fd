package org.lfenergy.sogno.sdk.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which redirects a {@link SognoClient} follows. The SDK follows them itself (OkHttp's own following is
 * switched off), once per attempt, each hop through circuit breaker, authentication and logging.
 *
 * <ul>
 *   <li>301, 302, 303, 307 and 308 with a {@code Location} are followed; other 3xx, and a {@code Location}
 *       that is not an http(s) URL, go to the caller as {@link ApiException} (status and {@code Location}
 *       in its headers).
 *   <li>By default only within the origin (scheme, host and port) of the request being redirected;
 *       {@link Builder#followCrossOrigin} opts in to other origins. A cross-origin hop never carries
 *       {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, the headers named here
 *       ({@link Builder#sensitiveHeader}) or those {@link LoggingConfig} redacts; the client's
 *       {@link Authentication} is only ever added for the base URL's origin.
 *   <li>301, 302 and 303 turn any method but GET and HEAD into GET without body (as browsers and OkHttp
 *       do; the request already took effect). 307 and 308 re-send method and body only where a retry would
 *       be allowed: an idempotent method, or POST/PATCH with {@code Idempotency-Key}; otherwise the 307/308
 *       goes to the caller.
 *   <li>More than {@link Builder#maxRedirects} hops (default 10) end the call with {@link TransportException}.
 * </ul>
 *
 * <p>Immutable value object; thread-safe.
 */
public final class RedirectConfig {
  /** Headers never sent to another origin. */
  public static final Set<String> ALWAYS_STRIPPED = Set.of("authorization", "proxy-authorization", "cookie");

  private static final RedirectConfig DEFAULTS = builder().build();
  private static final RedirectConfig DISABLED = builder().follow(false).build();

  private final boolean follow;
  private final boolean followCrossOrigin;
  private final int maxRedirects;
  private final Set<String> sensitiveHeaders;

  private RedirectConfig(Builder builder) {
    this.follow = builder.follow;
    this.followCrossOrigin = builder.followCrossOrigin;
    this.maxRedirects = builder.maxRedirects;
    this.sensitiveHeaders = Set.copyOf(builder.sensitiveHeaders);
  }

  /** Same-origin redirects followed, up to 10 hops. */
  public static RedirectConfig defaults() {
    return DEFAULTS;
  }

  /** No redirect followed: every 3xx goes to the caller. */
  public static RedirectConfig disabled() {
    return DISABLED;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder().follow(follow).followCrossOrigin(followCrossOrigin).maxRedirects(maxRedirects);
    builder.sensitiveHeaders.addAll(sensitiveHeaders);
    return builder;
  }

  /** Whether redirects are followed at all. */
  public boolean follow() {
    return follow;
  }

  /** Whether redirects to another origin are followed. */
  public boolean followCrossOrigin() {
    return followCrossOrigin;
  }

  /** The most hops one attempt follows. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** Lower-case names of the headers stripped from cross-origin hops, {@link #ALWAYS_STRIPPED} included. */
  public Set<String> sensitiveHeaders() {
    return sensitiveHeaders;
  }

  @Override
  public String toString() {
    return "RedirectConfig{follow=" + follow + ", followCrossOrigin=" + followCrossOrigin + ", maxRedirects="
        + maxRedirects + ", sensitiveHeaders=" + new TreeSet<>(sensitiveHeaders) + "}";
  }

  /** Builds {@link RedirectConfig}; setters reject invalid values at once. Not thread-safe. */
  public static final class Builder {
    private boolean follow = true;
    private boolean followCrossOrigin;
    private int maxRedirects = 10;
    private final Set<String> sensitiveHeaders = new TreeSet<>(ALWAYS_STRIPPED);

    private Builder() {}

    /** Follow redirects at all; default true. */
    public Builder follow(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** Also follow redirects to another scheme, host or port; default false. */
    public Builder followCrossOrigin(boolean followCrossOrigin) {
      this.followCrossOrigin = followCrossOrigin;
      return this;
    }

    /** @throws IllegalArgumentException when not between 1 and 50 */
    public Builder maxRedirects(int maxRedirects) {
      if (maxRedirects < 1 || maxRedirects > 50) {
        throw new IllegalArgumentException("maxRedirects must be between 1 and 50: " + maxRedirects);
      }
      this.maxRedirects = maxRedirects;
      return this;
    }

    /**
     * Also strip these headers (case-insensitive), e.g. {@code X-Api-Key}, from cross-origin hops.
     *
     * @throws IllegalArgumentException when a name is blank
     */
    public Builder sensitiveHeader(String... names) {
      for (String name : names) {
        if (Objects.requireNonNull(name, "sensitiveHeader").isBlank()) {
          throw new IllegalArgumentException("sensitiveHeader must not be blank");
        }
        sensitiveHeaders.add(name.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    public RedirectConfig build() {
      return new RedirectConfig(this);
    }
  }
}
