package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobStatusTest {
  @Test
  void knownValuesMapToTheConstants() {
    assertThat(JobStatus.of("queued")).isSameAs(JobStatus.QUEUED);
    assertThat(JobStatus.of("succeeded")).isSameAs(JobStatus.SUCCEEDED);
    assertThat(JobStatus.of("cancelled").isTerminal()).isTrue();
    assertThat(JobStatus.of("running").isTerminal()).isFalse();
  }

  @Test
  void unknownValueIsKeptVerbatimAndIsNeverTerminal() {
    JobStatus paused = JobStatus.of("Paused-For-Maintenance");

    assertThat(paused.value()).isEqualTo("Paused-For-Maintenance");
    assertThat(paused.isKnown()).isFalse();
    assertThat(paused.isTerminal()).isFalse();
    assertThat(paused).isEqualTo(JobStatus.of("Paused-For-Maintenance")).isNotEqualTo(JobStatus.RUNNING);
    assertThat(paused.canTransitionTo(JobStatus.RUNNING)).isFalse();
  }

  @Test
  void lifecycleAllowsOnlyTheConventionsTransitions() {
    assertThat(JobStatus.QUEUED.canTransitionTo(JobStatus.RUNNING)).isTrue();
    assertThat(JobStatus.QUEUED.canTransitionTo(JobStatus.CANCELLED)).isTrue();
    assertThat(JobStatus.QUEUED.canTransitionTo(JobStatus.SUCCEEDED)).isFalse();
    assertThat(JobStatus.RUNNING.canTransitionTo(JobStatus.FAILED)).isTrue();
    assertThat(JobStatus.SUCCEEDED.canTransitionTo(JobStatus.RUNNING)).isFalse();
    assertThat(JobStatus.RUNNING.canTransitionTo(JobStatus.RUNNING)).isFalse();
  }

  @Test
  void blankOrNullValueIsRejected() {
    assertThatThrownBy(() -> JobStatus.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobStatus.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
