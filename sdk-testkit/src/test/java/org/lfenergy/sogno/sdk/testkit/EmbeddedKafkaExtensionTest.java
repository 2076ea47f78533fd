package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaExtensionTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka =
      EmbeddedKafkaExtension.withBroker(broker -> broker.brokerProperty("log.retention.ms", "123456789"));

  @Test
  void givesTheTestARunningBrokerConfiguredInCode() throws Exception {
    assertThat(kafka.broker().isRunning()).isTrue();
    assertThat(brokerConfig(kafka.bootstrapServers(), "log.retention.ms")).isEqualTo("123456789");
  }

  @Test
  void injectsTheSameBrokerAsAParameter(EmbeddedKafkaBroker injected) {
    assertThat(injected).isSameAs(kafka.broker());
  }

  @Test
  @Order(1)
  void startsTheBrokerAgainWhenAnEarlierTestLeftItStopped_part1StopsIt() {
    kafka.broker().stop();
    assertThat(kafka.broker().isRunning()).isFalse();
  }

  @Test
  @Order(2)
  void startsTheBrokerAgainWhenAnEarlierTestLeftItStopped_part2FindsItRunning() {
    assertThat(kafka.broker().isRunning()).isTrue();
  }

  static String brokerConfig(String bootstrapServers, String name) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      return config.get(name).value();
    }
  }
}
