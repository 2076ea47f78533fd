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
 * server's {@code Retry-After} (delta-seconds or HTTP-date) when present, else the {@link Backoff}'s
 * delay. Retrying stops at the backoff's {@link Backoff#maxAttempts() maxAttempts} or when the next
 * wait would end after its {@link Backoff#maxTotalTime() maxTotalTime} from the first attempt; a
 * {@code Retry-After} longer than {@link Builder#maxRetryAfter} is not waited for, the response goes to
 * the caller.
 *
 * <p>Logged to {@value #LOGGER_NAME}: each retry at DEBUG (attempt number, what failed, the wait);
 * a call that still fails when retrying stops (attempt cap, time cap, {@code Retry-After} too long)
 * at WARN, with the number of attempts and the last cause. URLs are logged without query or user info.
 *
 * <p>Immutable value object.
 */
public final class RetryConfig {
  /** The SLF4J logger retries are logged to. */
  public static final String LOGGER_NAME = "org.lfenergy.sogno.sdk.core.retry";
  private static final RetryConfig DEFAULTS = builder().build();
  private static final RetryConfig DISABLED = builder().backoff(Backoff.defaults().withMaxAttempts(1)).build();

  private final Backoff backoff;
  private final Duration maxRetryAfter;
  private final Set<Integer> retryOnStatus;

  private RetryConfig(Builder builder) {
    this.backoff = builder.backoff;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.retryOnStatus = Set.copyOf(builder.retryOnStatus);
  }

  /** {@link Backoff#defaults()} (3 attempts, 200 ms doubling up to 5 s, 30 s in total), Retry-After up to 60 s. */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /** One attempt, never a retry. */
  public static RetryConfig disabled() {
    return DISABLED;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Attempts, waits between them and when to give up. */
  public Backoff backoff() {
    return backoff;
  }

  /** The longest {@code Retry-After} the client waits for. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The response statuses that are retried (for retryable requests). */
  public Set<Integer> retryOnStatus() {
    return retryOnStatus;
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder().backoff(backoff).maxRetryAfter(maxRetryAfter).retryOnStatus(retryOnStatus);
  }

  @Override
  public String toString() {
    return "RetryConfig{backoff=" + backoff + ", maxRetryAfter=" + maxRetryAfter + ", retryOnStatus=" + retryOnStatus
        + "}";
  }

  /** Builds {@link RetryConfig}; setters reject invalid values at once. Not thread-safe. */
  public static final class Builder {
    private Backoff backoff = Backoff.defaults();
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Set<Integer> retryOnStatus = Set.of(408, 429, 502, 503, 504);

    private Builder() {}

    /** Attempts (the first included; 1 disables retries), waits between them, total time. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The longest {@code Retry-After} the client waits for; longer ones go to the caller. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      if (Objects.requireNonNull(maxRetryAfter, "maxRetryAfter").isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
      }
      this.maxRetryAfter = maxRetryAfter;
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
  }
}
