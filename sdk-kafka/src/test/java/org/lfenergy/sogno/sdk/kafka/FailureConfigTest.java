package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FailureConfigTest {
  @Test
  void defaultsDeadLetterToTheTopicsDltWithoutCreatingIt() {
    FailureConfig defaults = FailureConfig.defaults();

    assertThat(defaults.action()).isEqualTo(FailureConfig.Action.DEAD_LETTER);
    assertThat(defaults.deadLetterTopicOf("sogno.jobs.state-changed.v1")).isEqualTo("sogno.jobs.state-changed.v1.dlt");
    assertThat(defaults.createsMissingDeadLetterTopics()).isFalse();
    assertThat(defaults.deadLetterAttempts()).isEqualTo(3);
    assertThat(defaults).hasToString("FailureConfig{DEAD_LETTER to <topic>.dlt, attempts=3}");
  }

  @Test
  void namedAlternativesSayWhatTheyDo() {
    assertThat(FailureConfig.skip().action()).isEqualTo(FailureConfig.Action.SKIP);
    assertThat(FailureConfig.stop().action()).isEqualTo(FailureConfig.Action.STOP);
    FailureConfig team = FailureConfig.deadLetterTo("team.dead-letters");
    assertThat(team.deadLetterTopicOf("a")).isEqualTo("team.dead-letters");
    assertThat(team.deadLetterTopicOf("b")).isEqualTo("team.dead-letters");
    assertThat(team).hasToString("FailureConfig{DEAD_LETTER to team.dead-letters, attempts=3}");
  }

  @Test
  void toBuilderMakesAVariantAndLeavesTheOriginalAsItWas() {
    FailureConfig original = FailureConfig.deadLetterTo("team.dlt");
    FailureConfig variant = original.toBuilder().createMissingDeadLetterTopics(true).deadLetterAttempts(5).build();

    assertThat(variant.deadLetterTopicOf("x")).isEqualTo("team.dlt");
    assertThat(variant.createsMissingDeadLetterTopics()).isTrue();
    assertThat(variant.deadLetterAttempts()).isEqualTo(5);
    assertThat(original.createsMissingDeadLetterTopics()).isFalse();
    assertThat(original.deadLetterAttempts()).isEqualTo(3);
    FailureConfig named = FailureConfig.builder().deadLetter(topic -> topic + ".errors").build();
    assertThat(named.deadLetterTopicOf("t")).isEqualTo("t.errors");
    assertThat(named).hasToString("FailureConfig{DEAD_LETTER to the topics a naming function gives, attempts=3}");
  }

  @Test
  void badSettingsAreRefusedAtOnceNamingTheSetting() {
    assertThatThrownBy(() -> FailureConfig.builder().deadLetterAttempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("deadLetterAttempts must be at least 1: 0");
    assertThatThrownBy(() -> FailureConfig.deadLetterTo(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("deadLetterTo must name a topic: ' '");
    assertThatThrownBy(() -> FailureConfig.deadLetterTo(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FailureConfig.builder().deadLetter(null)).isInstanceOf(NullPointerException.class);
  }
}
