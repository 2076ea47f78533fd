package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConformanceConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ConformanceConfig config = ConformanceConfig.defaults();

    assertThat(config.requestBudget()).isEqualTo(2000);
    assertThat(config.timeLimit()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.validRequestsPerOperation()).isEqualTo(20);
    assertThat(config.jobTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.shrinkAttempts()).isEqualTo(40);
    assertThat(config.seed()).isEmpty();
  }

  @Test
  void toBuilderKeepsEverySettingAndCopies() {
    ConformanceConfig config = ConformanceConfig.builder().requestBudget(7).seed(3).build();

    assertThat(config.toBuilder().build()).isEqualTo(config).isNotSameAs(config);
    assertThat(config.toBuilder().seed(4).build()).isNotEqualTo(config);
  }

  @Test
  void badSettingsAreRefusedNamingSettingAndValue() {
    assertThatThrownBy(() -> ConformanceConfig.builder().requestBudget(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("requestBudget must be at least 1: 0");
    assertThatThrownBy(() -> ConformanceConfig.builder().timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeLimit must be positive: PT0S");
    assertThatThrownBy(() -> ConformanceConfig.builder().validRequestsPerOperation(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("validRequestsPerOperation must be at least 0: -1");
    assertThatThrownBy(() -> ConformanceChecker.builder().baseUrl("ftp://host"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> ConformanceChecker.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("baseUrl and spec are required");
  }
}
