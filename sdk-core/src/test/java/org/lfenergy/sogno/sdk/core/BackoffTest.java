package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void baseDelayGrowsByTheMultiplierUpToTheCap() {
    Backoff backoff = Backoff.builder().initialDelay(Duration.ofMillis(100)).multiplier(3).maxDelay(Duration.ofSeconds(1))
        .build();

    assertThat(backoff.baseDelay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.baseDelay(2)).isEqualTo(Duration.ofMillis(300));
    assertThat(backoff.baseDelay(3)).isEqualTo(Duration.ofMillis(900));
    assertThat(backoff.baseDelay(4)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.baseDelay(10_000)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterTakesUpToItsFractionOffTheBase() {
    Backoff equal = Backoff.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(1)).jitter(0.5)
        .build();

    assertThat(equal.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(equal.delay(1, 0.5)).isEqualTo(Duration.ofMillis(750));
    assertThat(equal.delay(1, 0.999_999)).isGreaterThan(Duration.ofMillis(500));
    assertThat(equal.toBuilder().jitter(0).build().delay(1, 0.9)).isEqualTo(Duration.ofSeconds(1));
    assertThat(equal.toBuilder().jitter(1).build().delay(1, 0.9)).isEqualTo(Duration.ofMillis(100));
  }

  @Property(tries = 300)
  void everyDelayLiesBetweenTheJitteredFloorAndTheBase(
      @ForAll @LongRange(min = 0, max = 60_000) long initialMillis,
      @ForAll @DoubleRange(min = 1, max = 10) double multiplier,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @IntRange(min = 1, max = 200) int retry) {
    Backoff backoff = Backoff.builder().initialDelay(Duration.ofMillis(initialMillis)).maxDelay(Duration.ofMinutes(1))
        .multiplier(multiplier).jitter(jitter).build();

    Duration base = backoff.baseDelay(retry);
    Duration delay = backoff.delay(retry);

    assertThat(base).isLessThanOrEqualTo(Duration.ofMinutes(1)).isGreaterThanOrEqualTo(Duration.ofMillis(initialMillis));
    assertThat(delay).isLessThanOrEqualTo(base);
    assertThat(delay.toNanos()).isGreaterThanOrEqualTo((long) Math.floor(base.toNanos() * (1 - jitter)));
  }

  @Test
  void retriesStopAtTheAttemptCapOrWhenTheWaitWouldEndPastTheTotalTime() {
    Backoff backoff = Backoff.builder().maxAttempts(3).maxTotalTime(Duration.ofSeconds(10)).build();

    assertThat(backoff.permitsRetry(1, Duration.ZERO, Duration.ofSeconds(1))).isTrue();
    assertThat(backoff.permitsRetry(2, Duration.ofSeconds(9), Duration.ofSeconds(1))).isTrue();
    assertThat(backoff.permitsRetry(2, Duration.ofSeconds(9), Duration.ofMillis(1001))).isFalse();
    assertThat(backoff.permitsRetry(3, Duration.ZERO, Duration.ZERO)).isFalse();
    assertThat(backoff.withMaxAttempts(1).permitsRetry(1, Duration.ZERO, Duration.ZERO)).isFalse();
  }

  @Test
  void worstCaseTotalDelayAddsTheBasesAndStopsAtTheTotalTime() {
    Backoff backoff = Backoff.builder().initialDelay(Duration.ofMillis(100)).multiplier(2).maxDelay(Duration.ofMillis(300))
        .maxAttempts(5).maxTotalTime(Duration.ofMinutes(1)).build();

    assertThat(backoff.worstCaseTotalDelay()).isEqualTo(Duration.ofMillis(100 + 200 + 300 + 300));
    assertThat(backoff.toBuilder().maxTotalTime(Duration.ofMillis(250)).build().worstCaseTotalDelay())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.withMaxAttempts(Integer.MAX_VALUE).worstCaseTotalDelay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.withMaxAttempts(1).worstCaseTotalDelay()).isEqualTo(Duration.ZERO);
  }

  @Test
  void invalidSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> Backoff.builder().initialDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
    assertThatThrownBy(() -> Backoff.builder().maxDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay");
    assertThatThrownBy(() -> Backoff.builder().multiplier(0.99)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Backoff.builder().multiplier(Double.NaN)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Backoff.builder().multiplier(Double.POSITIVE_INFINITY)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> Backoff.builder().jitter(1.01)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> Backoff.builder().jitter(-0.01)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> Backoff.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> Backoff.builder().maxTotalTime(Duration.ofMillis(-1))).hasMessageContaining("maxTotalTime");
    assertThatThrownBy(() -> Backoff.builder().initialDelay(Duration.ofSeconds(6)).build())
        .hasMessageContaining("initialDelay PT6S exceeds maxDelay PT5S");
    assertThatThrownBy(() -> Backoff.defaults().delay(0)).hasMessageContaining("retry");
    assertThatThrownBy(() -> Backoff.defaults().delay(1, 1.0)).hasMessageContaining("random");
  }

  @Test
  void zeroDelaysAreAllowedForTightLoops() {
    Backoff none = Backoff.builder().initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).build();

    assertThat(none.delay(5)).isZero();
  }

  @Test
  void equalBackoffsAreEqualValues() {
    assertThat(Backoff.defaults().toBuilder().build()).isEqualTo(Backoff.defaults())
        .hasSameHashCodeAs(Backoff.defaults());
    assertThat(Backoff.defaults().withMaxAttempts(4)).isNotEqualTo(Backoff.defaults());
  }
}
