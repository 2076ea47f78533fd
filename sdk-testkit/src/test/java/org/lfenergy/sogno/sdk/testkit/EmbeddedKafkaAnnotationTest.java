package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@EmbeddedKafka(brokerProperties = "log.retention.ms = 987654321")
class EmbeddedKafkaAnnotationTest {
  private final EmbeddedKafkaBroker fromConstructor;

  EmbeddedKafkaAnnotationTest(EmbeddedKafkaBroker broker) {
    this.fromConstructor = broker;
  }

  @Test
  void appliesTheAnnotationsBrokerProperties(EmbeddedKafkaBroker broker) throws Exception {
    assertThat(broker.isRunning()).isTrue();
    assertThat(EmbeddedKafkaExtensionTest.brokerConfig(broker.bootstrapServers(), "log.retention.ms"))
        .isEqualTo("987654321");
  }

  @Test
  void injectsOneBrokerIntoConstructorsAndMethods(EmbeddedKafkaBroker broker) {
    assertThat(fromConstructor).isSameAs(broker);
  }
}
