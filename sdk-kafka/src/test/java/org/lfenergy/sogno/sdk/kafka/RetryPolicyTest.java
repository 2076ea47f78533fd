package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backsOffExponentiallyUpToTheCap() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100))
        .multiplier(2).maxBackoff(Duration.ofMillis(300)).jitter(0).build();

    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.worstCaseTotalBackoff()).isEqualTo(Duration.ofMillis(100 + 200 + 300 + 300));
  }

  @Test
  void jitterStaysWithinItsFraction() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1000)).jitter(0.2).build();
    for (int i = 0; i < 100; i++) {
      assertThat(policy.backoffAfter(1).toMillis()).isBetween(800L, 1200L);
    }
  }

  @Test
  void oneAttemptMeansNoWait() {
    assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.noRetries().worstCaseTotalBackoff()).isZero();
  }

  @Test
  void retriesOnlyWhatThePredicateAllows() {
    RetryPolicy policy = RetryPolicy.builder().retryOn(e -> !(e instanceof IllegalArgumentException)).build();
    assertThat(policy.isRetryable(new IllegalStateException())).isTrue();
    assertThat(policy.isRetryable(new IllegalArgumentException())).isFalse();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
  }
}
