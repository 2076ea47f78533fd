package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backsOffExponentiallyUpToTheCap() {
    HandlerRetryConfig policy = HandlerRetryConfig.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100))
        .multiplier(2).maxBackoff(Duration.ofMillis(300)).jitter(0).build();

    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.worstCaseTotalBackoff()).isEqualTo(Duration.ofMillis(100 + 200 + 300 + 300));
  }

  @Test
  void jitterStaysWithinItsFraction() {
    HandlerRetryConfig policy = HandlerRetryConfig.builder().initialBackoff(Duration.ofMillis(1000)).jitter(0.2).build();
    for (int i = 0; i < 100; i++) {
      assertThat(policy.backoffAfter(1).toMillis()).isBetween(800L, 1200L);
    }
  }

  @Test
  void oneAttemptMeansNoWait() {
    assertThat(HandlerRetryConfig.noRetries().maxAttempts()).isEqualTo(1);
    assertThat(HandlerRetryConfig.noRetries().worstCaseTotalBackoff()).isZero();
  }

  @Test
  void retriesOnlyWhatThePredicateAllows() {
    HandlerRetryConfig policy = HandlerRetryConfig.builder().retryOn(e -> !(e instanceof IllegalArgumentException)).build();
    assertThat(policy.isRetryable(new IllegalStateException())).isTrue();
    assertThat(policy.isRetryable(new IllegalArgumentException())).isFalse();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> HandlerRetryConfig.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandlerRetryConfig.builder().multiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandlerRetryConfig.builder().jitter(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandlerRetryConfig.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
  }
}
