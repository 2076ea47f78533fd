package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;

class EventSubscriberTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);


  @Test
  void handsARegisteredEventToItsHandlerWithAttributesAndDelivery() {
    String topic = Fixtures.topic("round-trip");
    kafka.broker().topics().create(topic, 2);
    List<Event<Job>> received = new CopyOnWriteArrayList<>();
    Job job = Job.running("j-1", 10);
    Event<Job> sent = Event.of(Fixtures.JOB_STATE_CHANGED, job).subject("j-1").requestId("req-7").build();
    PublishResult result = publisher.publish(topic, sent);

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      await().atMost(WAIT).until(() -> !received.isEmpty());
      assertThat(subscriber.isRunning()).isTrue();
    }

    Event<Job> event = received.get(0);
    assertThat(event.data()).isEqualTo(job);
    assertThat(event.id()).isEqualTo(sent.id());
    assertThat(event.type()).isEqualTo(JobEvents.STATE_CHANGED);
    assertThat(event.source()).contains(Fixtures.SOURCE);
    assertThat(event.subject()).contains("j-1");
    assertThat(event.time()).isEqualTo(sent.time());
    assertThat(event.requestId()).contains("req-7");
    Delivery delivery = event.delivery().orElseThrow();
    assertThat(delivery.topic()).isEqualTo(topic);
    assertThat(delivery.partition()).isEqualTo(result.partition());
    assertThat(delivery.offset()).isEqualTo(result.offset());
    assertThat(delivery.key()).contains("j-1");
    assertThat(delivery.attempt()).isEqualTo(1);
  }

  @Test
  void retriesAHandlerThatFailsTwiceThenSucceedsWithoutDeadLettering() {
    String topic = Fixtures.topic("flaky");
    kafka.broker().topics().create(topic);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    AtomicInteger handled = new AtomicInteger();
    publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("k", 1));
    publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("k", 2));

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, event -> {
          if (event.data().sequence() == 1) {
            attempts.add(event.delivery().orElseThrow().attempt());
            if (attempts.size() <= 2) {
              throw new IllegalStateException("downstream busy");
            }
          }
          handled.incrementAndGet();
        })
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(50)).build()).build())
        .build().start()) {
      await().atMost(WAIT).until(() -> handled.get() == 2);
    }

    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(kafka.broker().topics().endOffsetSum(TopicNames.deadLetter(topic))).as("nothing dead-lettered").isZero();
  }

  @Test
  void deadLettersAnEventWhoseHandlerKeepsFailingAndKeepsGoing() {
    String topic = Fixtures.topic("failing");
    kafka.broker().topics().create(topic);
    List<Long> handled = new CopyOnWriteArrayList<>();
    for (long i = 1; i <= 5; i++) {
      publisher.publish(topic, Event.of(Fixtures.SEQUENCED, new Fixtures.Sequenced("k", i)).subject("k").build());
    }

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, event -> {
          if (event.data().sequence() == 3) {
            throw new IllegalStateException("cannot process sequence 3");
          }
          handled.add(event.data().sequence());
        })
        .build().start()) {
      await().atMost(WAIT).until(() -> handled.size() == 4);
      ConsumerRecord<byte[], byte[]> dead =
          kafka.broker().topics().read(TopicNames.deadLetter(topic), 1, WAIT).get(0);
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("2");
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
      assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).isNotBlank();
      assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
      assertThat(header(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("cannot process sequence 3");
      assertThat(header(dead, DeadLetterHeaders.EXCEPTION_STACK_TRACE)).contains("EventSubscriberTest");
      assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
      assertThat(header(dead, "ce_type")).isEqualTo(Fixtures.SEQUENCED.name());
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("k");
    }
    assertThat(handled).containsExactly(1L, 2L, 4L, 5L);
  }

  @Test
  void sendsPoisonPillsToTheDeadLetterTopicAtOnceAndKeepsGoing() {
    String topic = Fixtures.topic("poison");
    kafka.broker().topics().create(topic);
    Map<String, Integer> calls = new ConcurrentHashMap<>();
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        kafka.broker().clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(record(topic, "{}", Map.of()));
      raw.send(record(topic, "{}", ceHeaders(null)));
      raw.send(record(topic, "{}", ceHeaders("com.example.unknown.v1")));
      raw.send(record(topic, "{not json", ceHeaders(Fixtures.SEQUENCED.name())));
      raw.send(record(topic, "{\"key\":\"k\",\"sequence\":\"not a number\"}", ceHeaders(Fixtures.SEQUENCED.name())));
    }
    publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("good", 1));

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, event -> calls.merge(event.data().key(), 1, Integer::sum))
        .build().start()) {
      await().atMost(WAIT).until(() -> calls.containsKey("good"));
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.broker().topics().read(TopicNames.deadLetter(topic), 5, WAIT);
      assertThat(dead).allSatisfy(record -> {
        assertThat(header(record, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(record, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
      });
      assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).satisfiesExactly(
          m -> assertThat(m).contains("no ce_specversion"),
          m -> assertThat(m).contains("no ce_type"),
          m -> assertThat(m).contains("com.example.unknown.v1 is not registered"),
          m -> assertThat(m).contains("payload of " + Fixtures.SEQUENCED.name()),
          m -> assertThat(m).contains("payload of " + Fixtures.SEQUENCED.name()));
      assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.ORIGINAL_OFFSET))
          .containsExactly("0", "1", "2", "3", "4");
    }
    assertThat(calls).containsOnly(Map.entry("good", 1));
  }

  @Test
  void deadLettersRecordsWithAMalformedTimeOrSourceBeforeTheirHandlerRuns() {
    String topic = Fixtures.topic("malformed");
    kafka.broker().topics().create(topic);
    Map<String, Integer> calls = new ConcurrentHashMap<>();
    String payload = "{\"key\":\"malformed\",\"sequence\":1}";
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        kafka.broker().clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String time : new String[] {"2026-02-30T12:00:00Z", "2026-12-07T25:00:00Z", "yesterday"}) {
        RecordHeaders headers = ceHeaders(Fixtures.SEQUENCED.name());
        headers.add("ce_time", bytes(time));
        raw.send(record(topic, payload, headers));
      }
      RecordHeaders badSource = new RecordHeaders();
      badSource.add("ce_source", bytes("/not a uri"));
      ceHeaders(Fixtures.SEQUENCED.name()).forEach(badSource::add);
      raw.send(record(topic, payload, badSource));
    }
    publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("good", 1));

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, event -> calls.merge(event.data().key(), 1, Integer::sum))
        .build().start()) {
      await().atMost(WAIT).until(() -> calls.containsKey("good"));
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.broker().topics().read(TopicNames.deadLetter(topic), 4, WAIT);
      assertThat(dead).allSatisfy(record -> {
        assertThat(header(record, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(InvalidEventException.class.getName());
        assertThat(header(record, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
      });
      assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).containsExactly(
          "ce_time header is not an RFC 3339 timestamp", "ce_time header is not an RFC 3339 timestamp",
          "ce_time header is not an RFC 3339 timestamp", "ce_source header is not a URI reference");
    }
    assertThat(calls).containsOnly(Map.entry("good", 1));
  }

  @Test
  void closingWhileAHandlerRunsLetsItFinishAndCommitsWhatWasHandled() throws Exception {
    String topic = Fixtures.topic("graceful");
    kafka.broker().topics().create(topic);
    for (long i = 1; i <= 3; i++) {
      publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("k", i));
    }
    String group = "graceful-" + topic;
    java.util.concurrent.CountDownLatch inHandler = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<Long> first = new CopyOnWriteArrayList<>();
    EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> {
          first.add(event.data().sequence());
          if (event.data().sequence() == 2) {
            inHandler.countDown();
            release.await();
          }
        }).build().start();
    assertThat(inHandler.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    java.util.concurrent.CompletableFuture<Void> closing = java.util.concurrent.CompletableFuture.runAsync(subscriber::close);
    await().atMost(WAIT).until(() -> !subscriber.isRunning());
    release.countDown();
    closing.get(60, java.util.concurrent.TimeUnit.SECONDS);

    List<Long> second = new CopyOnWriteArrayList<>();
    try (EventSubscriber successor = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> second.add(event.data().sequence())).build().start()) {
      await().atMost(WAIT).until(() -> !second.isEmpty());
    }
    assertThat(first).containsExactly(1L, 2L);
    assertThat(second).containsExactly(3L);
  }

  @Test
  void refusesSettingsThatBreakAtLeastOnceAtBuildTime() {
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t").on(Fixtures.SEQUENCED, e -> {})
        .consumerProperty("enable.auto.commit", "true").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.auto.commit=true");
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t").on(Fixtures.SEQUENCED, e -> {})
        .consumerProperty("max.poll.interval.ms", "1000")
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().maxAttempts(5).initialDelay(Duration.ofMillis(500)).build()).build()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max.poll.interval.ms=1000");
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handler");
    assertThatThrownBy(() -> Fixtures.subscriber(kafka.broker(), "t")
        .on(Fixtures.SEQUENCED, e -> {}).on(Fixtures.SEQUENCED, e -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
  }

  private static RecordHeaders ceHeaders(String type) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_id", bytes(java.util.UUID.randomUUID().toString()));
    headers.add("ce_source", bytes("/raw"));
    if (type != null) {
      headers.add("ce_type", bytes(type));
    }
    return headers;
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String value, Iterable<org.apache.kafka.common.header.Header> headers) {
    return new ProducerRecord<>(topic, null, bytes("k"), bytes(value), headers);
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String value, Map<String, String> none) {
    return new ProducerRecord<>(topic, bytes("k"), bytes(value));
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
