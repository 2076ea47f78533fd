package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.lfenergy.sogno.sdk.core.Backoff;

/**
 * How often a subscriber calls a failing handler again for the same event, and how long it waits in
 * between: a {@link Backoff} (attempts, waits with jitter, total time) and which failures are worth
 * another attempt. While it waits the consumer keeps polling with its partitions paused, so the group
 * does not consider it dead; the backoff's {@link Backoff#worstCaseTotalDelay() worst case} must still
 * fit in {@code max.poll.interval.ms}, which the subscriber checks when it is built.
 *
 * <p>Defaults: {@link Backoff#defaults()} (3 attempts, 200 ms doubling up to 5 s, equal jitter, 30 s
 * in total), every exception retried. Immutable and thread-safe.
 */
public final class HandlerRetryConfig {
  private static final HandlerRetryConfig DEFAULTS = builder().build();
  private static final HandlerRetryConfig NO_RETRIES = builder().backoff(Backoff.defaults().withMaxAttempts(1)).build();

  private final Backoff backoff;
  private final Predicate<Throwable> retryOn;

  private HandlerRetryConfig(Builder builder) {
    this.backoff = builder.backoff;
    this.retryOn = builder.retryOn;
  }

  /** The defaults described above. */
  public static HandlerRetryConfig defaults() {
    return DEFAULTS;
  }

  /** One attempt: a failing event goes to the dead-letter topic at once. */
  public static HandlerRetryConfig noRetries() {
    return NO_RETRIES;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder().backoff(backoff).retryOn(retryOn);
  }

  /** Handler calls per event (the first included), the waits between them and the total time. */
  public Backoff backoff() {
    return backoff;
  }

  /** Whether a failure is worth another attempt (the handler may succeed next time). */
  public boolean isRetryable(Throwable failure) {
    return retryOn.test(failure);
  }

  @Override
  public String toString() {
    return "HandlerRetryConfig{backoff=" + backoff + "}";
  }

  /** Builds a {@link HandlerRetryConfig}. Not thread-safe. */
  public static final class Builder {
    private Backoff backoff = Backoff.defaults();
    private Predicate<Throwable> retryOn = failure -> true;

    private Builder() {}

    /** Attempts per event (1: no retry), the waits between them and the total time. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** Which failures are retried; others go to the dead-letter topic after one attempt. */
    public Builder retryOn(Predicate<Throwable> retryOn) {
      this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
      return this;
    }

    public HandlerRetryConfig build() {
      return new HandlerRetryConfig(this);
    }
  }
}
