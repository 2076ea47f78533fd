package org.lfenergy.sogno.sdk.core;

import java.time.Duration;

/**
 * The per-host circuit breaker of a {@link SognoClient} (Resilience4j CircuitBreaker underneath).
 * Each {@code host:port} the client calls gets its own breaker (per client: two clients for two services
 * behind one reverse proxy never share a breaker). I/O failures and 5xx responses count
 * as failures; when their rate over the last {@link Builder#slidingWindowSize} calls reaches {@link
 * Builder#failureRateThreshold} percent (after at least {@link Builder#minimumNumberOfCalls} calls),
 * the breaker opens and calls fail at once with {@link CircuitOpenException}. After {@link
 * Builder#waitInOpenState} it half-opens and lets {@link Builder#permittedCallsInHalfOpenState} trial
 * calls through, which close or re-open it.
 *
 * <p>Immutable value object.
 */
public final class CircuitBreakerConfig {
  /** The SLF4J logger state changes are logged to, at WARN. */
  public static final String LOGGER_NAME = "org.lfenergy.sogno.sdk.core.circuitbreaker";
  private static final CircuitBreakerConfig DEFAULTS = builder().build();
  private static final CircuitBreakerConfig DISABLED = builder().enabled(false).build();

  private final boolean enabled;
  private final float failureRateThreshold;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final Duration waitInOpenState;
  private final int permittedCallsInHalfOpenState;

  private CircuitBreakerConfig(Builder builder) {
    this.enabled = builder.enabled;
    this.failureRateThreshold = builder.failureRateThreshold;
    this.slidingWindowSize = builder.slidingWindowSize;
    this.minimumNumberOfCalls = builder.minimumNumberOfCalls;
    this.waitInOpenState = builder.waitInOpenState;
    this.permittedCallsInHalfOpenState = builder.permittedCallsInHalfOpenState;
  }

  /** Enabled: opens at 50 % failures over the last 20 calls (at least 10), waits 30 s, 3 trial calls. */
  public static CircuitBreakerConfig defaults() {
    return DEFAULTS;
  }

  /** No circuit breaker. */
  public static CircuitBreakerConfig disabled() {
    return DISABLED;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).failureRateThreshold(failureRateThreshold)
        .slidingWindowSize(slidingWindowSize).minimumNumberOfCalls(minimumNumberOfCalls)
        .waitInOpenState(waitInOpenState).permittedCallsInHalfOpenState(permittedCallsInHalfOpenState);
  }

  public boolean enabled() {
    return enabled;
  }

  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  public Duration waitInOpenState() {
    return waitInOpenState;
  }

  public int permittedCallsInHalfOpenState() {
    return permittedCallsInHalfOpenState;
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig{enabled=" + enabled + ", failureRateThreshold=" + failureRateThreshold
        + ", slidingWindowSize=" + slidingWindowSize + ", minimumNumberOfCalls=" + minimumNumberOfCalls
        + ", waitInOpenState=" + waitInOpenState + ", permittedCallsInHalfOpenState="
        + permittedCallsInHalfOpenState + "}";
  }

  /** Builds {@link CircuitBreakerConfig}; setters reject invalid values at once. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private float failureRateThreshold = 50;
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration waitInOpenState = Duration.ofSeconds(30);
    private int permittedCallsInHalfOpenState = 3;

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Failure percentage, in (0, 100], at which the breaker opens. */
    public Builder failureRateThreshold(float percent) {
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]: " + percent);
      }
      this.failureRateThreshold = percent;
      return this;
    }

    /** How many of the most recent calls the failure rate is computed over. */
    public Builder slidingWindowSize(int calls) {
      this.slidingWindowSize = atLeastOne(calls, "slidingWindowSize");
      return this;
    }

    /** Calls needed before the failure rate counts. */
    public Builder minimumNumberOfCalls(int calls) {
      this.minimumNumberOfCalls = atLeastOne(calls, "minimumNumberOfCalls");
      return this;
    }

    /** How long an open breaker refuses calls before half-opening. */
    public Builder waitInOpenState(Duration wait) {
      if (wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("waitInOpenState must be positive: " + wait);
      }
      this.waitInOpenState = wait;
      return this;
    }

    /** Trial calls a half-open breaker lets through. */
    public Builder permittedCallsInHalfOpenState(int calls) {
      this.permittedCallsInHalfOpenState = atLeastOne(calls, "permittedCallsInHalfOpenState");
      return this;
    }

    public CircuitBreakerConfig build() {
      return new CircuitBreakerConfig(this);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1: " + value);
      }
      return value;
    }
  }
}
