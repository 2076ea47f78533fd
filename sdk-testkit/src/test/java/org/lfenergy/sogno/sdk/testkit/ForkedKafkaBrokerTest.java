package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ForkedKafkaBrokerTest {
  @Test
  void keepsAcknowledgedRecordsWhenKilledAndRestartedOnTheSameDataAndPort() throws Exception {
    try (ForkedKafkaBroker kafka = ForkedKafkaBroker.start()) {
      String topic = TestTopics.uniqueName("forked");
      kafka.topics().create(topic, 2);
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
          new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 100; i++) {
          producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
        }
      }
      long pid = kafka.pid();
      String bootstrapServers = kafka.bootstrapServers();

      kafka.kill();

      assertThat(kafka.isRunning()).isFalse();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      kafka.restart();
      assertThat(kafka.pid()).isNotEqualTo(pid);
      assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
      List<String> values = kafka.topics().read(topic, 100, Duration.ofSeconds(60)).stream()
          .map(record -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
          .collect(Collectors.toList());
      assertThat(values).containsExactlyInAnyOrderElementsOf(
          IntStream.range(0, 100).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }
  }
}
