package org.lfenergy.sogno.sdk.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/** The broker goes down and comes back while events are published and consumed: nothing is lost. */
class BrokerRestartTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

  @Test
  void losesNoEventWhenTheBrokerRestartsMidStream() {
    String topic = Fixtures.topic("restart");
    kafka.broker().topics().create(topic, 3);
    TrafficAcrossAFault.losesNothing(kafka.broker().bootstrapServers(), kafka.broker().topics(), topic, 20_000, 20,
        () -> {
          kafka.broker().stop();
          kafka.broker().start();
        });
  }
}
