package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.startDefault();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @Test
  void servesProducersAndConsumerGroupsOnLoopback() throws Exception {
    String topic = TestTopics.uniqueName("round-trip");
    broker.topics().create(topic, 2);
    send(topic, "k", "hello");

    try (KafkaConsumer<String, String> consumer = consumer("group-" + topic)) {
      consumer.subscribe(List.of(topic));
      List<String> values = new ArrayList<>();
      List<Integer> partitions = new ArrayList<>();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          values.add(r.value());
          partitions.add(r.partition());
        });
        return !values.isEmpty();
      });
      consumer.commitSync();
      assertThat(values).containsExactly("hello");
      TopicPartition withRecord = new TopicPartition(topic, partitions.get(0));
      TopicPartition empty = new TopicPartition(topic, 1 - partitions.get(0));
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(withRecord, empty));
      assertThat(committed.get(withRecord)).as("committed past the one record").isNotNull()
          .extracting(OffsetAndMetadata::offset).isEqualTo(1L);
      assertThat(committed.get(empty) == null ? 0L : committed.get(empty).offset()).as("nothing read there").isZero();
    }
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
  }

  @Test
  void servesShareGroups() throws Exception {
    String topic = TestTopics.uniqueName("shared");
    broker.topics().create(topic);
    try (KafkaShareConsumer<String, String> consumer =
        new KafkaShareConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "share-" + topic),
            new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<String> values = new ArrayList<>();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
        send(topic, "k", "job");
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        return !values.isEmpty();
      });
      assertThat(values).contains("job");
    }
  }

  @Test
  void restartKeepsPortTopicsAndRecords() throws Exception {
    String topic = TestTopics.uniqueName("restart");
    broker.topics().create(topic);
    send(topic, "k", "before");
    String servers = broker.bootstrapServers();

    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    broker.start();

    assertThat(broker.bootstrapServers()).isEqualTo(servers);
    send(topic, "k", "after");
    List<ConsumerRecord<byte[], byte[]>> records = broker.topics().read(topic, 2, Duration.ofSeconds(60));
    assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("before", "after");
  }

  @Test
  void recordsItsStartupTime() {
    assertThat(broker.lastStartupTime()).isPositive();
  }

  @Test
  void closeDeletesTheTemporaryDataDirectoryAndForbidsRestart() {
    EmbeddedKafkaBroker own = EmbeddedKafkaBroker.startDefault();
    Path data = own.dataDirectory();
    own.close();
    assertThat(data).doesNotExist();
    assertThatThrownBy(own::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void keepsACallerChosenDataDirectory(@TempDir Path directory) throws Exception {
    Path data = directory.resolve("kafka");
    try (EmbeddedKafkaBroker own = EmbeddedKafkaBroker.builder().dataDirectory(data).start()) {
      assertThat(own.isRunning()).isTrue();
    }
    assertThat(Files.exists(data.resolve("meta.properties"))).isTrue();
  }

  private static void send(String topic, String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new StringDeserializer());
  }
}
