package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {
  @Test
  void buildsPlatformTopicNames() {
    assertThat(TopicNames.of("jobs", "state-changed", 1)).isEqualTo("sogno.jobs.state-changed.v1");
    assertThat(TopicNames.of("grid", "measurement-received", 12)).isEqualTo("sogno.grid.measurement-received.v12");
    assertThat(JobEvents.TOPIC).satisfies(topic -> assertThat(TopicNames.isValid(topic)).isTrue());
  }

  @Test
  void refusesNamesThatBreakTheRuleSayingWhatTheRuleIs() {
    assertThatThrownBy(() -> TopicNames.of("Jobs", "state-changed", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> TopicNames.of("jobs", "state_changed", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicNames.of("jobs", "state-changed", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TopicNames.requireValid("jobs.state-changed"))
        .hasMessageContaining("sogno.<domain>.<event>.v<N>");
    assertThat(TopicNames.isValid("sogno.jobs.state-changed.v1.dlt")).isFalse();
    assertThat(TopicNames.isValid("sogno.jobs.-changed.v1")).isFalse();
  }

  @Test
  void namesTheDeadLetterTopic() {
    assertThat(TopicNames.deadLetter("sogno.jobs.state-changed.v1")).isEqualTo("sogno.jobs.state-changed.v1.dlt");
  }
}
