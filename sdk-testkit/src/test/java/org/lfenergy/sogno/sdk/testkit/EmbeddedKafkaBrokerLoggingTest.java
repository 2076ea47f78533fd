package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This module's tests log at INFO (simplelogger.properties); the kit turns Kafka's loggers down to WARN. */
class EmbeddedKafkaBrokerLoggingTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

  @Test
  void brokerAndKafkaClientLoggersAreAtWarnByDefault() {
    assertThat(kafka.broker().isRunning()).isTrue();
    for (String name : new String[] {"kafka.server.KafkaRaftServer", "org.apache.kafka.controller.QuorumController",
        "org.apache.kafka.clients.producer.ProducerConfig", "state.change.logger"}) {
      Logger logger = LoggerFactory.getLogger(name);
      assertThat(logger.isInfoEnabled()).as(name).isFalse();
      assertThat(logger.isWarnEnabled()).as(name).isTrue();
    }
    assertThat(LoggerFactory.getLogger("org.lfenergy.sogno.sdk.testkit.Other").isInfoEnabled())
        .as("other loggers keep their level").isTrue();
  }

  @Test
  void refusesALogLevelThatIsNoLevelNamingTheSetting() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().logLevel("LOUD"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logLevel").hasMessageContaining("LOUD");
    assertThat(EmbeddedKafkaBroker.builder().logLevel("info")).isNotNull();
  }
}
