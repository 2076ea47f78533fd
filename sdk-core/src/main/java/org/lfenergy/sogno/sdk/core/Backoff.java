package org.lfenergy.sogno.sdk.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait between attempts of one thing, and when to give up: the one backoff of the SDK,
 * used by HTTP retries ({@link RetryConfig}), Kafka handler retries and job polling.
 *
 * <p>The wait before retry {@code n} (1-based: the wait after the {@code n}-th failed attempt) starts
 * from a <em>base</em> of {@code initialDelay × multiplier^(n-1)}, capped at {@code maxDelay}. Jitter
 * then shortens it by a random fraction of up to {@code jitter}: the wait is drawn uniformly from
 * {@code [base × (1 - jitter), base]}. So {@code jitter} 0 waits exactly the base, 0.5 ("equal
 * jitter", the default) at least half of it, 1 ("full jitter") anything from zero to the base. The
 * wait never exceeds the base, which makes {@link #worstCaseTotalDelay()} exact.
 *
 * <p>Giving up: no attempt beyond {@code maxAttempts} (the first attempt included), and no retry whose
 * wait would end later than {@code maxTotalTime} after the first attempt started ({@link
 * #permitsRetry}).
 *
 * <p>One validation for every use: delays not negative, {@code initialDelay <= maxDelay}, a finite
 * {@code multiplier >= 1}, {@code jitter} in {@code [0, 1]}, {@code maxAttempts >= 1}, {@code
 * maxTotalTime} not negative. Setters fail fast with {@link IllegalArgumentException}; {@link
 * Builder#build()} checks the settings against each other.
 *
 * <p>Immutable and thread-safe.
 */
public final class Backoff {
  private static final Backoff DEFAULTS = builder().build();

  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double jitter;
  private final int maxAttempts;
  private final Duration maxTotalTime;

  private Backoff(Builder b) {
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxAttempts = b.maxAttempts;
    this.maxTotalTime = b.maxTotalTime;
  }

  /** 3 attempts, 200 ms doubling up to 5 s, equal jitter (0.5), at most 30 s in total. */
  public static Backoff defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this backoff. */
  public Builder toBuilder() {
    return new Builder().initialDelay(initialDelay).maxDelay(maxDelay).multiplier(multiplier).jitter(jitter)
        .maxAttempts(maxAttempts).maxTotalTime(maxTotalTime);
  }

  /** A copy that makes at most {@code maxAttempts} attempts; 1 never retries. */
  public Backoff withMaxAttempts(int maxAttempts) {
    return toBuilder().maxAttempts(maxAttempts).build();
  }

  /** The base wait before the first retry. */
  public Duration initialDelay() {
    return initialDelay;
  }

  /** The largest base wait. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The factor the base wait grows by per retry. */
  public double multiplier() {
    return multiplier;
  }

  /** The largest fraction jitter takes off a wait, in {@code [0, 1]}. */
  public double jitter() {
    return jitter;
  }

  /** Attempts including the first one; {@link Integer#MAX_VALUE} for no limit. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** No retry starts later than this after the first attempt started. */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** The wait before retry {@code retry} (1-based) without jitter: the upper bound of {@link #delay}. */
  public Duration baseDelay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1: " + retry);
    }
    double nanos = initialDelay.toNanos() * Math.pow(multiplier, retry - 1.0);
    return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
  }

  /** The wait before retry {@code retry} (1-based), jitter applied. */
  public Duration delay(int retry) {
    return delay(retry, ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The wait before retry {@code retry} for a given uniform random draw {@code random} in {@code [0,
   * 1)}: {@code base × (1 - jitter × random)}. Deterministic, for callers with their own randomness.
   */
  public Duration delay(int retry, double random) {
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be in [0, 1): " + random);
    }
    Duration base = baseDelay(retry);
    return Duration.ofNanos(base.toNanos() - (long) (base.toNanos() * jitter * random));
  }

  /**
   * Whether another attempt may follow {@code attemptsMade} attempts when {@code elapsed} has passed
   * since the first one started and the next would start after {@code nextDelay}.
   */
  public boolean permitsRetry(int attemptsMade, Duration elapsed, Duration nextDelay) {
    return attemptsMade < maxAttempts && elapsed.plus(nextDelay).compareTo(maxTotalTime) <= 0;
  }

  /** The longest total wait over all retries (every wait at its base), at most {@code maxTotalTime}. */
  public Duration worstCaseTotalDelay() {
    Duration total = Duration.ZERO;
    for (int retry = 1; retry < maxAttempts; retry++) {
      Duration base = baseDelay(retry);
      total = total.plus(base);
      if (total.compareTo(maxTotalTime) >= 0) {
        return maxTotalTime;
      }
      if (base.equals(maxDelay) && maxAttempts == Integer.MAX_VALUE) {
        return maxTotalTime; // unbounded attempts at the cap: the total time is what limits
      }
    }
    return total;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Backoff)) {
      return false;
    }
    Backoff that = (Backoff) other;
    return initialDelay.equals(that.initialDelay) && maxDelay.equals(that.maxDelay)
        && Double.compare(multiplier, that.multiplier) == 0 && Double.compare(jitter, that.jitter) == 0
        && maxAttempts == that.maxAttempts && maxTotalTime.equals(that.maxTotalTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialDelay, maxDelay, multiplier, jitter, maxAttempts, maxTotalTime);
  }

  @Override
  public String toString() {
    return "Backoff{initialDelay=" + initialDelay + ", maxDelay=" + maxDelay + ", multiplier=" + multiplier
        + ", jitter=" + jitter + ", maxAttempts=" + maxAttempts + ", maxTotalTime=" + maxTotalTime + "}";
  }

  /** Builds a {@link Backoff}; setters reject invalid values at once. Not thread-safe. */
  public static final class Builder {
    private Duration initialDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private int maxAttempts = 3;
    private Duration maxTotalTime = Duration.ofSeconds(30);

    private Builder() {}

    /** The base wait before the first retry; not negative. */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = notNegative(initialDelay, "initialDelay");
      return this;
    }

    /** The cap of the base wait; not negative. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = notNegative(maxDelay, "maxDelay");
      return this;
    }

    /** Growth of the base wait per retry; a finite number of at least 1. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** The largest fraction jitter takes off a wait, in {@code [0, 1]}. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** Attempts including the first; at least 1 ({@link Integer#MAX_VALUE}: no limit). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** No retry starts later than this after the first attempt started; not negative. */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = notNegative(maxTotalTime, "maxTotalTime");
      return this;
    }

    /** @throws IllegalArgumentException if {@code initialDelay > maxDelay} */
    public Backoff build() {
      if (initialDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("initialDelay " + initialDelay + " exceeds maxDelay " + maxDelay);
      }
      return new Backoff(this);
    }

    private static Duration notNegative(Duration value, String name) {
      if (Objects.requireNonNull(value, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
