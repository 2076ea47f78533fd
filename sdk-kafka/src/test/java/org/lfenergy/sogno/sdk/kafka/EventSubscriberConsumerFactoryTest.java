package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;
import org.lfenergy.sogno.sdk.kafka.internal.CloudEventHeaders;

class EventSubscriberConsumerFactoryTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void createsEveryConsumerThroughTheFactoryFromTheSdksPropertiesAndClosesIt() {
    String topic = Fixtures.topic("factory");
    kafka.broker().topics().create(topic, 2);
    List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
    List<KafkaConsumer<byte[], byte[]>> created = new CopyOnWriteArrayList<>();
    List<Event<Job>> received = new CopyOnWriteArrayList<>();
    publisher.publish(topic, Event.of(Fixtures.JOB_STATE_CHANGED, Job.running("j-1", 5)).subject("j-1").build());
    String group;

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .consumers(2)
        .consumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "7")
        .consumerFactory(properties -> {
          seen.add(properties);
          KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties);
          created.add(consumer);
          return consumer;
        })
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      await().atMost(WAIT).until(() -> received.size() == 1);
      assertThat(subscriber.isRunning()).isTrue();
      group = subscriber.groupId();
    }

    assertThat(received.get(0).data()).isEqualTo(Job.running("j-1", 5));
    assertThat(seen).hasSize(2).allSatisfy(properties -> {
      assertThat(properties).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, group)
          .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
          .containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
          .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "7");
      assertThatThrownBy(() -> properties.put("anything", "x")).isInstanceOf(UnsupportedOperationException.class);
    });
    assertThat(seen.get(0).get(ConsumerConfig.CLIENT_ID_CONFIG)).isNotEqualTo(seen.get(1).get(ConsumerConfig.CLIENT_ID_CONFIG));
    assertThat(created).hasSize(2).allSatisfy(consumer ->
        assertThatThrownBy(consumer::assignment).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
  }

  @Test
  void runsAgainstKafkasMockConsumerWithoutABrokerAndCommitsWhatItHandled() {
    TopicPartition partition = new TopicPartition("sogno.test.mocked.v1", 0);
    MockConsumer<byte[], byte[]> mock = new MockConsumer<>("earliest");
    Job job = Job.running("j-9", 90);
    // The topic and its dead-letter topic exist, as start() checks.
    mock.updatePartitions(partition.topic(), List.of(new PartitionInfo(partition.topic(), 0, null, null, null)));
    mock.updatePartitions(TopicNames.deadLetter(partition.topic()),
        List.of(new PartitionInfo(TopicNames.deadLetter(partition.topic()), 0, null, null, null)));
    mock.schedulePollTask(() -> {
      mock.rebalance(List.of(partition));
      mock.updateBeginningOffsets(Map.of(partition, 0L));
      mock.addRecord(record(partition, 0, job));
      mock.addRecord(record(partition, 1, Job.running("j-10", 100)));
    });
    List<Event<Job>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.of("localhost:9"))
        .groupId("mocked")
        .topics(partition.topic())
        .consumerFactory(properties -> mock)
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      await().atMost(WAIT).until(() -> received.size() == 2);
      await().atMost(WAIT).until(() -> committed(mock, partition).map(OffsetAndMetadata::offset).orElse(-1L) == 2L);
      assertThat(subscriber.isRunning()).isTrue();
    }

    assertThat(received.get(0).data()).isEqualTo(job);
    assertThat(received.get(0).delivery().orElseThrow().offset()).isZero();
    assertThat(mock.closed()).isTrue();
  }

  @Test
  void closesTheConsumersCreatedBeforeTheFactoryFailedAndRethrows() {
    MockConsumer<byte[], byte[]> first = new MockConsumer<>("earliest");
    AtomicInteger calls = new AtomicInteger();
    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.of("localhost:9")).groupId("failing").topics("sogno.test.failing.v1")
        .consumers(2)
        .consumerFactory(properties -> {
          if (calls.incrementAndGet() == 1) {
            return first;
          }
          throw new KafkaException("bad settings");
        })
        .on(Fixtures.JOB_STATE_CHANGED, event -> { }).build();

    assertThatThrownBy(subscriber::start).isInstanceOf(KafkaException.class).hasMessage("bad settings");
    assertThat(first.closed()).isTrue();
    assertThat(subscriber.isRunning()).isFalse();
  }

  @Test
  void refusesAFactoryThatReturnsNoConsumer() {
    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.of("localhost:9")).groupId("null").topics("sogno.test.null.v1")
        .consumerFactory(properties -> null)
        .on(Fixtures.JOB_STATE_CHANGED, event -> { }).build();

    assertThatThrownBy(subscriber::start).isInstanceOf(NullPointerException.class)
        .hasMessage("the consumer factory returned null");
    assertThatThrownBy(() -> EventSubscriber.builder().consumerFactory(null)).isInstanceOf(NullPointerException.class);
  }

  private static Optional<OffsetAndMetadata> committed(MockConsumer<byte[], byte[]> mock, TopicPartition partition) {
    return Optional.ofNullable(mock.committed(Set.of(partition)).get(partition));
  }

  private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, Job job) {
    Event<Job> event = Event.of(Fixtures.JOB_STATE_CHANGED, job).subject(job.id()).build();
    byte[] value = SognoJson.defaults().write(job);
    byte[] key = job.id().getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, System.currentTimeMillis(),
        TimestampType.CREATE_TIME, key.length, value.length, key, value,
        CloudEventHeaders.write(event, Fixtures.SOURCE), Optional.empty());
  }
}
