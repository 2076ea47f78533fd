package org.lfenergy.sogno.sdk.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how a {@link SognoClient} retries (Resilience4j Retry underneath).
 *
 * <p>Retried: I/O failures (connection refused or reset, timeouts) and the statuses in {@link
 * Builder#retryOnStatus} (default 408, 429, 502, 503, 504), but only for idempotent methods (GET,
 * HEAD, OPTIONS, PUT, DELETE) and for POST/PATCH carrying {@code Idempotency-Key}. The wait is the
 * server's {@code Retry-After} (delta-seconds or HTTP-date) when present, else exponential backoff
 * with full jitter. Retrying stops at {@link Builder#maxAttempts} attempts or when the next wait
 * would end after {@link Builder#maxTotalTime} from the first attempt; a {@code Retry-After} longer
 * than {@link Builder#maxRetryAfter} is not waited for, the response goes to the caller.
 *
 * <p>Immutable value object.
 */
public final class RetryConfig {
  private static final RetryConfig DEFAULTS = builder().build();
  private static final RetryConfig DISABLED = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final Duration maxTotalTime;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryOnStatus;

  private RetryConfig(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.multiplier = builder.multiplier;
    this.maxBackoff = builder.maxBackoff;
    this.maxTotalTime = builder.maxTotalTime;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.retryOnStatus = Set.copyOf(builder.retryOnStatus);
  }

  /** 3 attempts, backoff 200 ms doubling up to 5 s, at most 30 s in total, Retry-After up to 60 s. */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /** One attempt, never a retry. */
  public static RetryConfig disabled() {
    return DISABLED;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public double multiplier() {
    return multiplier;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public Set<Integer> retryOnStatus() {
    return retryOnStatus;
  }

  /** A builder pre-filled with these settings. */
  public Builder toBuilder() {
    return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).multiplier(multiplier)
        .maxBackoff(maxBackoff).maxTotalTime(maxTotalTime).maxRetryAfter(maxRetryAfter)
        .retryOnStatus(retryOnStatus);
  }

  @Override
  public String toString() {
    return "RetryConfig{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + ", maxTotalTime=" + maxTotalTime + ", maxRetryAfter="
        + maxRetryAfter + ", retryOnStatus=" + retryOnStatus + "}";
  }

  /** Builds {@link RetryConfig}; setters reject invalid values at once. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration maxTotalTime = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryOnStatus = Set.of(408, 429, 502, 503, 504);

    private Builder() {}

    /** Attempts including the first; 1 disables retries. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The backoff before the first retry, before jitter. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positiveOrZero(initialBackoff, "initialBackoff");
      return this;
    }

    /** Factor the backoff grows by per retry; at least 1. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The largest backoff, before jitter. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positiveOrZero(maxBackoff, "maxBackoff");
      return this;
    }

    /** No retry starts later than this after the first attempt started. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positiveOrZero(maxTotalTime, "maxTotalTime");
      return this;
    }

    /** The longest {@code Retry-After} the client waits for; longer ones go to the caller. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positiveOrZero(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** The response statuses that are retried (for retryable requests). */
    public Builder retryOnStatus(Set<Integer> statuses) {
      this.retryOnStatus = Set.copyOf(statuses);
      return this;
    }

    public RetryConfig build() {
      return new RetryConfig(this);
    }

    private static Duration positiveOrZero(Duration value, String name) {
      if (Objects.requireNonNull(value, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
