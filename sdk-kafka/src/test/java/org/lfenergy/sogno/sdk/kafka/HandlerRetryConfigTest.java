package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;

class HandlerRetryConfigTest {
  @Test
  void defaultsUseTheSdkBackoffAndRetryEverything() {
    assertThat(HandlerRetryConfig.defaults().backoff()).isEqualTo(Backoff.defaults());
    assertThat(HandlerRetryConfig.defaults().isRetryable(new IllegalStateException())).isTrue();
  }

  @Test
  void oneAttemptMeansNoWait() {
    assertThat(HandlerRetryConfig.noRetries().backoff().maxAttempts()).isEqualTo(1);
    assertThat(HandlerRetryConfig.noRetries().backoff().worstCaseTotalDelay()).isZero();
  }

  @Test
  void retriesOnlyWhatThePredicateAllows() {
    HandlerRetryConfig config = HandlerRetryConfig.builder().retryOn(e -> !(e instanceof IllegalArgumentException)).build();

    assertThat(config.isRetryable(new IllegalStateException())).isTrue();
    assertThat(config.isRetryable(new IllegalArgumentException())).isFalse();
    assertThat(config.toBuilder().build().isRetryable(new IllegalArgumentException())).isFalse();
  }

  @Test
  void refusesMissingParts() {
    assertThatThrownBy(() -> HandlerRetryConfig.builder().backoff(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> HandlerRetryConfig.builder().retryOn(null)).isInstanceOf(NullPointerException.class);
  }
}
