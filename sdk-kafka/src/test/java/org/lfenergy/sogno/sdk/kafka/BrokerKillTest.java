package org.lfenergy.sogno.sdk.kafka;

import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.testkit.ForkedKafkaBroker;

/**
 * The broker process is killed (SIGKILL, no clean shutdown) while events are published and consumed,
 * then restarted on the same data directory and port: every event arrives, none lost.
 */
class BrokerKillTest {
  @Test
  void losesNoEventWhenTheBrokerProcessIsKilledMidStream() {
    try (ForkedKafkaBroker kafka = ForkedKafkaBroker.start()) {
      String topic = Fixtures.topic("broker-kill");
      kafka.topics().create(topic, 3);
      TrafficAcrossAFault.losesNothing(kafka.bootstrapServers(), kafka.topics(), topic, 6_000, 12, () -> {
        kafka.kill();
        kafka.restart();
      });
    }
  }
}
