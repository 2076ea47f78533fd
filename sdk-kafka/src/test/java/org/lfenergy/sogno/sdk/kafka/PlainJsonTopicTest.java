package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * Plain-JSON topics another team owns (the platform's {@code dpsim.powerflow.output}, read by
 * Telegraf): records written by a raw producer, no CloudEvents headers, read by a typed handler; what
 * each {@link FailureConfig} does with poison records; and that nothing is created beside the topic.
 */
class PlainJsonTopicTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String GOOD_1 = "{\"bus\":\"N1\",\"voltage\":1.02,\"time\":\"2026-12-07T10:00:00Z\"}";
  private static final String GOOD_2 = "{\"bus\":\"N2\",\"voltage\":0.98,\"time\":\"2026-12-07T10:00:01+01:00\"}";
  private static final String NOT_JSON = "voltage=1.02";
  private static final String WRONG_SHAPE = "{\"bus\":\"N3\",\"voltage\":\"high\"}";
  private static KafkaProducer<String, String> raw;

  /** A measurement as the platform's power-flow service writes it. */
  record Measurement(String bus, double voltage, OffsetDateTime time) {}

  @BeforeAll
  static void createRawProducer() {
    raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.broker().bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  @AfterAll
  static void closeRawProducer() {
    raw.close();
  }

  @Test
  void aRawProducersPlainJsonRecordsReachTheTypedHandlerAndAreCommitted() throws Exception {
    String topic = topicWith(GOOD_1, GOOD_2);
    List<JsonMessage<Measurement>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = plainJson(topic, received).onFailure(FailureConfig.skip()).build().start()) {
      await().atMost(WAIT).until(() -> received.size() == 2);
      awaitCommitted(subscriber, topic, 2);
    }

    assertThat(received).extracting(JsonMessage::data).containsExactly(
        new Measurement("N1", 1.02, OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC)),
        new Measurement("N2", 0.98, OffsetDateTime.of(2026, 12, 7, 10, 0, 1, 0, ZoneOffset.ofHours(1))));
    Delivery first = received.get(0).delivery();
    assertThat(first.topic()).isEqualTo(topic);
    assertThat(first.offset()).isZero();
    assertThat(first.key()).contains("N1");
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(received.get(0).headers()).containsEntry("origin", "dpsim");
    assertThat(kafka.broker().topics().names()).as("nothing created beside another team's topic")
        .doesNotContain(TopicNames.deadLetter(topic));
  }

  @Test
  void skipLogsCountsAndCommitsPoisonRecordsAndGoesOn() throws Exception {
    String topic = topicWith(GOOD_1, NOT_JSON, WRONG_SHAPE, "{\"bus\":\"FAIL\",\"voltage\":1.0}", GOOD_2);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> handled = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).topics()
        .onJson(topic, Measurement.class, message -> {
          if (message.data().bus().equals("FAIL")) {
            throw new IllegalStateException("handler refuses " + message.delivery());
          }
          handled.add(message.data().bus());
        })
        .onFailure(FailureConfig.skip())
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build())
        .build().start()) {
      awaitCommitted(subscriber, topic, 5);
      assertThat(subscriber.state()).isEqualTo(EventSubscriber.State.RUNNING);
    }

    assertThat(handled).containsExactly("N1", "N2");
    assertThat(registry.get("sogno.messaging.skipped").tag("topic", topic).tag("reason", "InvalidEventException")
        .counter().count()).as("not JSON, wrong shape").isEqualTo(2.0);
    assertThat(registry.get("sogno.messaging.skipped").tag("topic", topic).tag("reason", "IllegalStateException")
        .counter().count()).as("the handler failed every attempt").isEqualTo(1.0);
    assertThat(registry.get("sogno.messaging.retries").tag("topic", topic).tag("type", "json").counter().count())
        .as("the failing handler was retried; unreadable records were not").isEqualTo(2.0);
    assertThat(registry.get("sogno.messaging.process").tag("topic", topic).tag("type", "json").tag("outcome", "skipped")
        .timer().count()).as("every record of the topic is tagged json, readable or not").isEqualTo(3);
    assertThat(kafka.broker().topics().names()).doesNotContain(TopicNames.deadLetter(topic));
  }

  @Test
  void stopStopsTheConsumerOnThePoisonRecordAndLeavesItUncommitted() throws Exception {
    String topic = topicWith(GOOD_1, NOT_JSON, GOOD_2);
    List<JsonMessage<Measurement>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = plainJson(topic, received).onFailure(FailureConfig.stop()).build().start()) {
      await().atMost(WAIT).until(() -> subscriber.state() == EventSubscriber.State.FAILED);

      assertThat(subscriber.failure()).get().isInstanceOfSatisfying(UnhandledRecordException.class, e -> {
        assertThat(e).hasMessageContaining(topic + "-0@1").hasMessageContaining("uncommitted");
        assertThat(e.getCause()).isInstanceOfSatisfying(InvalidEventException.class,
            invalid -> assertThat(invalid.reason()).isEqualTo(InvalidEventException.Reason.UNREADABLE_PAYLOAD));
      });
      assertThat(Fixtures.committed(kafka.broker(), subscriber.groupId(), topic).offset())
          .as("committed up to the poison record, not past it").isEqualTo(1);
    }
    assertThat(received).extracting(message -> message.data().bus()).containsExactly("N1");
  }

  @Test
  void deadLettersToTheTopicTheUserNamesAndCreatesNothingBesideTheSource() throws Exception {
    String topic = topicWith(NOT_JSON, GOOD_1);
    String teamDeadLetters = Fixtures.topic("team-dead-letters");
    kafka.broker().topics().create(teamDeadLetters);
    List<JsonMessage<Measurement>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = plainJson(topic, received)
        .onFailure(FailureConfig.deadLetterTo(teamDeadLetters)).build().start()) {
      await().atMost(WAIT).until(() -> received.size() == 1);
      awaitCommitted(subscriber, topic, 2);
    }

    ConsumerRecord<byte[], byte[]> dead = kafka.broker().topics().read(teamDeadLetters, 1, WAIT).get(0);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(NOT_JSON);
    assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(InvalidEventException.class.getName());
    assertThat(kafka.broker().topics().names()).doesNotContain(TopicNames.deadLetter(topic));
  }

  @Test
  void aMissingDeadLetterTopicFailsStartAtOnceAndNothingIsCreated() {
    String topic = topicWith(GOOD_1);
    String missing = Fixtures.topic("missing-dead-letters");
    EventSubscriber configured = plainJson(topic, new CopyOnWriteArrayList<>())
        .onFailure(FailureConfig.deadLetterTo(missing)).build();
    EventSubscriber byDefault = plainJson(topic, new CopyOnWriteArrayList<>()).onFailure(FailureConfig.defaults())
        .build();

    assertThatThrownBy(configured::start).isInstanceOfSatisfying(TopicMissingException.class, e -> {
      assertThat(e.topics()).containsExactly(missing);
      assertThat(e).hasMessageContaining("Dead-letter topic(s) [" + missing + "] do not exist (or this principal")
          .hasMessageContaining("createMissingDeadLetterTopics").hasMessageContaining("FailureConfig.skip()");
    });
    assertThatThrownBy(byDefault::start).isInstanceOfSatisfying(TopicMissingException.class,
        e -> assertThat(e.topics()).containsExactly(TopicNames.deadLetter(topic)));
    assertThat(configured.state()).isEqualTo(EventSubscriber.State.NEW);
    configured.close();
    byDefault.close();
    assertThat(kafka.broker().topics().names()).as("the broker auto-creates topics, the subscriber asked for none")
        .doesNotContain(missing, TopicNames.deadLetter(topic));
  }

  @Test
  void createsAMissingDeadLetterTopicOnlyWhenToldTo() throws Exception {
    String topic = topicWith(NOT_JSON);
    try (EventSubscriber subscriber = plainJson(topic, new CopyOnWriteArrayList<>())
        .onFailure(FailureConfig.builder().createMissingDeadLetterTopics(true).build()).build().start()) {
      assertThat(kafka.broker().topics().names()).contains(TopicNames.deadLetter(topic));
      ConsumerRecord<byte[], byte[]> dead = kafka.broker().topics().read(TopicNames.deadLetter(topic), 1, WAIT).get(0);
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(NOT_JSON);
      awaitCommitted(subscriber, topic, 1);
    }
  }

  @Test
  void aMissingTopicToReadFailsStartNamingItAndIsNotCreated() {
    String missing = Fixtures.topic("never-created");
    EventSubscriber subscriber = plainJson(missing, new CopyOnWriteArrayList<>()).onFailure(FailureConfig.skip())
        .build();

    assertThatThrownBy(subscriber::start).isInstanceOfSatisfying(TopicMissingException.class, e -> {
      assertThat(e.topics()).containsExactly(missing);
      assertThat(e).hasMessageContaining("Topic(s) [" + missing + "] do not exist (or this principal");
    });
    assertThat(kafka.broker().topics().names()).doesNotContain(missing);
  }

  @Test
  void aTopicIsEitherCloudEventsOrPlainJsonAndHandlersNeedTopics() {
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t").on(Fixtures.SEQUENCED, event -> { })
        .onJson("t", Measurement.class, message -> { }).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both a CloudEvents topic and a plain-JSON");
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t").onJson("j", Measurement.class, message -> { })
        .build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need at least one event handler");
    assertThatThrownBy(() -> EventSubscriber.builder().onJson("j", Measurement.class, message -> { })
        .onJson("j", Measurement.class, message -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic j has a handler already");
  }

  private EventSubscriber.Builder plainJson(String topic, List<JsonMessage<Measurement>> received) {
    return Fixtures.subscriber(kafka.broker(), topic).topics().onJson(topic, Measurement.class, received::add);
  }

  private static String topicWith(String... values) {
    String topic = Fixtures.topic("plain-json");
    kafka.broker().topics().create(topic);
    for (String value : values) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, value.contains("N1") ? "N1" : null, value);
      record.headers().add("origin", "dpsim".getBytes(StandardCharsets.UTF_8));
      raw.send(record);
    }
    raw.flush();
    return topic;
  }

  private static void awaitCommitted(EventSubscriber subscriber, String topic, long offset) {
    await().atMost(WAIT).until(() -> {
      var committed = Fixtures.committed(kafka.broker(), subscriber.groupId(), topic);
      return committed != null && committed.offset() == offset;
    });
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
