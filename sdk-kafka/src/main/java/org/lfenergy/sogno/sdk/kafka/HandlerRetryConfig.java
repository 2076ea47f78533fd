package org.lfenergy.sogno.sdk.kafka;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How often a subscriber calls a failing handler again for the same event, and how long it waits in
 * between: exponential backoff with jitter (Resilience4j's {@link IntervalFunction}). While it waits
 * the consumer keeps polling with its partitions paused, so the group does not consider it dead;
 * the whole worst-case backoff must still fit in {@code max.poll.interval.ms}, which the subscriber
 * checks when it is built. Immutable and thread-safe.
 *
 * <p>Defaults: 3 attempts, 200 ms initial backoff, ×2 per attempt, at most 5 s, ±20 % jitter, every
 * exception retried.
 */
public final class HandlerRetryConfig {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Predicate<Throwable> retryOn;
  private final IntervalFunction intervals;

  private HandlerRetryConfig(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.multiplier = builder.multiplier;
    this.maxBackoff = builder.maxBackoff;
    this.jitter = builder.jitter;
    this.retryOn = builder.retryOn;
    this.intervals = jitter == 0
        ? IntervalFunction.ofExponentialBackoff(initialBackoff, multiplier, maxBackoff)
        : IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
  }

  /** The defaults described above. */
  public static HandlerRetryConfig defaults() {
    return builder().build();
  }

  /** One attempt: a failing event goes to the dead-letter topic at once. */
  public static HandlerRetryConfig noRetries() {
    return builder().maxAttempts(1).build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Handler calls per event, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a failure is worth another attempt (the handler may succeed next time). */
  public boolean isRetryable(Throwable failure) {
    return retryOn.test(failure);
  }

  /** The wait after failed attempt {@code attempt} (1-based), jitter included. */
  public Duration backoffAfter(int attempt) {
    return Duration.ofMillis(intervals.apply(attempt));
  }

  /** The longest total wait for one event, all jitter at its maximum. */
  public Duration worstCaseTotalBackoff() {
    double total = 0;
    double wait = initialBackoff.toMillis();
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total += Math.min(wait * (1 + jitter), maxBackoff.toMillis() * (1 + jitter));
      wait *= multiplier;
    }
    return Duration.ofMillis((long) Math.ceil(total));
  }

  @Override
  public String toString() {
    return "HandlerRetryConfig{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link HandlerRetryConfig}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double jitter = 0.2;
    private Predicate<Throwable> retryOn = failure -> true;

    private Builder() {}

    /** Handler calls per event, at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first wait; at least 1 ms. */
    public Builder initialBackoff(Duration initialBackoff) {
      if (initialBackoff.toMillis() < 1) {
        throw new IllegalArgumentException("initialBackoff must be at least 1 ms: " + initialBackoff);
      }
      this.initialBackoff = initialBackoff;
      return this;
    }

    /** Growth factor of the wait per attempt, at least 1. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** Cap of a single wait. */
    public Builder maxBackoff(Duration maxBackoff) {
      if (maxBackoff.toMillis() < 1) {
        throw new IllegalArgumentException("maxBackoff must be at least 1 ms: " + maxBackoff);
      }
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** Randomization factor in [0, 1): each wait varies by up to ± this fraction. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Which failures are retried; others go to the dead-letter topic after one attempt. */
    public Builder retryOn(Predicate<Throwable> retryOn) {
      this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
      return this;
    }

    /**
     * @throws IllegalArgumentException if the initial backoff exceeds the maximum
     */
    public HandlerRetryConfig build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException("initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
      }
      return new HandlerRetryConfig(this);
    }
  }
}
