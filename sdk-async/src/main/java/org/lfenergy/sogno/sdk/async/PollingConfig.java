package org.lfenergy.sogno.sdk.async;

import java.time.Duration;
import java.util.Objects;
import org.lfenergy.sogno.sdk.core.Backoff;

/**
 * How a {@link JobHandle} polls: a value object, {@link #defaults()}, {@link #builder()} or {@link
 * #toBuilder()}.
 *
 * <ul>
 *   <li>{@code longPollWait} (default 20 s): each poll sends {@code Prefer: wait=N}; when the server
 *       answers {@code Preference-Applied: wait}, the next poll follows at once — the client learns of
 *       completion within milliseconds with about one request per N seconds. Zero turns it off.
 *   <li>Otherwise the server's {@code Retry-After} decides the pause; without one, the {@link Backoff}
 *       does: by default 500 ms growing by 1.5 up to 10 s, equal jitter.
 *   <li>The backoff's {@link Backoff#maxTotalTime() maxTotalTime} (default 30 min) bounds the whole
 *       wait of {@link JobHandle#waitForCompletion()} and {@link JobHandle#toCompletableFuture()}; its
 *       {@link Backoff#maxAttempts() maxAttempts} (default no limit) bounds the number of polls.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class PollingConfig {
  /** The polling backoff of {@link #defaults()}. */
  public static final Backoff DEFAULT_BACKOFF = Backoff.builder()
      .initialDelay(Duration.ofMillis(500))
      .multiplier(1.5)
      .maxDelay(Duration.ofSeconds(10))
      .maxAttempts(Integer.MAX_VALUE)
      .maxTotalTime(Duration.ofMinutes(30))
      .build();
  private static final PollingConfig DEFAULTS = builder().build();

  private final Backoff backoff;
  private final Duration longPollWait;

  private PollingConfig(Builder b) {
    this.backoff = b.backoff;
    this.longPollWait = b.longPollWait;
  }

  /** The defaults described above. */
  public static PollingConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    return new Builder().backoff(backoff).longPollWait(longPollWait);
  }

  /** Pauses between polls without {@code Retry-After}, and the bounds of the whole wait. */
  public Backoff backoff() {
    return backoff;
  }

  /** The total wait of {@link JobHandle#waitForCompletion()}: the backoff's {@code maxTotalTime}. */
  public Duration timeout() {
    return backoff.maxTotalTime();
  }

  /** The {@code Prefer: wait=N} of each poll; zero when long polling is off. */
  public Duration longPollWait() {
    return longPollWait;
  }

  @Override
  public String toString() {
    return "PollingConfig{backoff=" + backoff + ", longPollWait=" + longPollWait + '}';
  }

  /** Builds {@link PollingConfig}; setters fail fast. Not thread-safe. */
  public static final class Builder {
    private Backoff backoff = DEFAULT_BACKOFF;
    private Duration longPollWait = Duration.ofSeconds(20);

    private Builder() {}

    /**
     * Pauses between polls, the largest number of polls and the total wait ({@code maxTotalTime},
     * which must be positive).
     *
     * @throws IllegalArgumentException if the backoff's {@code maxTotalTime} is zero
     */
    public Builder backoff(Backoff backoff) {
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.maxTotalTime().isZero()) {
        throw new IllegalArgumentException("backoff.maxTotalTime must be positive for polling: " + backoff);
      }
      this.backoff = backoff;
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
        throw new IllegalArgumentException("longPollWait must not be negative: " + longPollWait);
      }
      this.longPollWait = longPollWait;
      return this;
    }

    public PollingConfig build() {
      return new PollingConfig(this);
    }
  }
}
