package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@EmbeddedKafka
class TestTopicsTest {
  @Test
  void createsATopicWithPartitionsAndConfigsOnce(EmbeddedKafkaBroker broker) throws Exception {
    String topic = TestTopics.uniqueName("compacted");
    broker.topics().create(topic, 3, Map.of("cleanup.policy", "compact"));
    broker.topics().create(topic, 3, Map.of("cleanup.policy", "compact"));

    assertThat(broker.topics().names()).contains(topic);
    assertThat(broker.topics().partitionCount(topic)).isEqualTo(3);
    try (Admin admin = Admin.create(broker.clientProperties())) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
          .isEqualTo("compact");
    }
  }

  @Test
  void deletesTopics(EmbeddedKafkaBroker broker) {
    String topic = TestTopics.uniqueName("deleted");
    broker.topics().create(topic);
    broker.topics().delete(topic);
    assertThat(broker.topics().names()).doesNotContain(topic);
  }

  @Test
  void readsAndCountsRecordsFromTheStart(EmbeddedKafkaBroker broker) {
    String topic = TestTopics.uniqueName("read");
    broker.topics().create(topic, 2);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(broker.clientProperties(), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
      }
    }
    assertThat(broker.topics().read(topic, 10, Duration.ofSeconds(60))).hasSize(10);
    assertThat(broker.topics().endOffsetSum(topic)).isEqualTo(10);
  }

  @Test
  void failsTheTestWhenFewerRecordsArriveThanExpected(EmbeddedKafkaBroker broker) {
    String topic = TestTopics.uniqueName("empty");
    broker.topics().create(topic);
    assertThatThrownBy(() -> broker.topics().read(topic, 1, Duration.ofMillis(500)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected 1 records on " + topic + " within PT0.5S, got 0");
  }

  @Test
  void uniqueNamesDiffer() {
    assertThat(TestTopics.uniqueName("t")).startsWith("t-").isNotEqualTo(TestTopics.uniqueName("t"));
  }
}
