package org.lfenergy.sogno.sdk.async;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobHandle} polls: a value object, {@link #defaults()} or {@link #builder()}.
 *
 * <ul>
 *   <li>{@code longPollWait} (default 20 s): each poll sends {@code Prefer: wait=N}; when the server
 *       answers {@code Preference-Applied: wait}, the next poll follows at once — the client learns of
 *       completion within milliseconds with about one request per N seconds. Zero turns it off.
 *   <li>Otherwise the server's {@code Retry-After} decides the pause; without one, exponential backoff
 *       from {@code initialInterval} (500 ms) by {@code multiplier} (1.5) up to {@code maxInterval} (10
 *       s).
 *   <li>{@code timeout} (default 30 min): the total wait of {@link JobHandle#waitForCompletion()} and
 *       {@link JobHandle#toCompletableFuture()}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PollingConfig {
  private static final PollingConfig DEFAULTS = builder().build();

  private final Duration initialInterval;
  private final Duration maxInterval;
  private final double multiplier;
  private final Duration timeout;
  private final Duration longPollWait;

  private PollingConfig(Builder b) {
    this.initialInterval = b.initialInterval;
    this.maxInterval = b.maxInterval;
    this.multiplier = b.multiplier;
    this.timeout = b.timeout;
    this.longPollWait = b.longPollWait;
  }

  /** The defaults described above. */
  public static PollingConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these options. */
  public Builder toBuilder() {
    return new Builder()
        .initialInterval(initialInterval)
        .maxInterval(maxInterval)
        .multiplier(multiplier)
        .timeout(timeout)
        .longPollWait(longPollWait);
  }

  public Duration initialInterval() {
    return initialInterval;
  }

  public Duration maxInterval() {
    return maxInterval;
  }

  public double multiplier() {
    return multiplier;
  }

  public Duration timeout() {
    return timeout;
  }

  public Duration longPollWait() {
    return longPollWait;
  }

  @Override
  public String toString() {
    return "PollingConfig{initial=" + initialInterval + ", max=" + maxInterval + ", multiplier=" + multiplier
        + ", timeout=" + timeout + ", longPollWait=" + longPollWait + '}';
  }

  /** Builds {@link PollingConfig}; setters fail fast. Not thread-safe. */
  public static final class Builder {
    private Duration initialInterval = Duration.ofMillis(500);
    private Duration maxInterval = Duration.ofSeconds(10);
    private double multiplier = 1.5;
    private Duration timeout = Duration.ofMinutes(30);
    private Duration longPollWait = Duration.ofSeconds(20);

    private Builder() {}

    /** @throws IllegalArgumentException unless positive */
    public Builder initialInterval(Duration initialInterval) {
      this.initialInterval = positive(initialInterval, "initialInterval");
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder maxInterval(Duration maxInterval) {
      this.maxInterval = positive(maxInterval, "maxInterval");
      return this;
    }

    /** @throws IllegalArgumentException unless {@code >= 1} */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** @throws IllegalArgumentException unless positive */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * The {@code Prefer: wait=N} of each poll, whole seconds (rounded down); zero turns long polling off.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder longPollWait(Duration longPollWait) {
      Objects.requireNonNull(longPollWait, "longPollWait");
      if (longPollWait.isNegative()) {
        throw new IllegalArgumentException("longPollWait must not be negative, was " + longPollWait);
      }
      this.longPollWait = longPollWait;
      return this;
    }

    /** @throws IllegalArgumentException if {@code initialInterval > maxInterval} */
    public PollingConfig build() {
      if (initialInterval.compareTo(maxInterval) > 0) {
        throw new IllegalArgumentException(
            "initialInterval " + initialInterval + " exceeds maxInterval " + maxInterval);
      }
      return new PollingConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
