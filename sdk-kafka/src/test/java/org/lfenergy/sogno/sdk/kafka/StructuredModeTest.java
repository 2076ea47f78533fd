package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
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
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;

/**
 * Structured-mode CloudEvents (the whole event as one JSON object, {@code content-type:
 * application/cloudevents+json}), as other CloudEvents producers write them, reach the handler of
 * their type like binary-mode ones; malformed ones are given up on like any invalid event.
 */
class StructuredModeTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String JOB = "{\"id\":\"j-1\",\"status\":\"running\",\"kind\":\"powerflow\","
      + "\"progress\":{\"percent\":40,\"message\":\"iteration 40\"},"
      + "\"createdAt\":\"2026-11-27T12:00:00Z\",\"updatedAt\":\"2026-11-27T12:00:00Z\","
      + "\"links\":{\"self\":{\"href\":\"/v1/jobs/j-1\"}}}";

  @Test
  void aStructuredModeEventReachesTheHandlerOfItsTypeWithEveryAttribute() {
    String topic = Fixtures.topic("structured");
    kafka.broker().topics().create(topic);
    send(topic, "application/cloudevents+json; charset=UTF-8", "{\"specversion\":\"1.0\",\"id\":\"e-1\","
        + "\"source\":\"/dpsim/api\",\"type\":\"" + Fixtures.JOB_STATE_CHANGED.name() + "\","
        + "\"time\":\"2026-12-07T10:00:00+01:00\",\"subject\":\"j-1\",\"datacontenttype\":\"application/json\","
        + "\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\",\"data\":" + JOB + "}");
    List<Event<Job>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      await().atMost(WAIT).until(() -> received.size() == 1);
    }

    Event<Job> event = received.get(0);
    assertThat(event.data()).isEqualTo(Job.running("j-1", 40));
    assertThat(event.id()).isEqualTo("e-1");
    assertThat(event.source()).contains(URI.create("/dpsim/api"));
    assertThat(event.time()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC));
    assertThat(event.subject()).contains("j-1");
    assertThat(event.traceparent()).contains("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(event.delivery().orElseThrow().topic()).isEqualTo(topic);
  }

  @Test
  void malformedStructuredModeEventsAreGivenUpOnWithTheReason() {
    String topic = Fixtures.topic("structured-poison");
    kafka.broker().topics().create(topic);
    String type = Fixtures.JOB_STATE_CHANGED.name();
    send(topic, "application/cloudevents+json", "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"" + type
        + "\",\"data\":" + JOB + "}");
    send(topic, "application/cloudevents+json", "{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/x\","
        + "\"type\":\"" + type + "\",\"data_base64\":\"AAEC\"}");
    send(topic, "application/cloudevents+json", "[1,2]");
    send(topic, "application/cloudevents+avro", "{}");
    send(topic, "application/cloudevents+json", "{\"specversion\":\"1.0\",\"id\":\"e-3\",\"source\":\"/x\","
        + "\"type\":\"" + type + "\",\"data\":{\"progress\":\"forty\"}}");
    List<Event<Job>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      List<ConsumerRecord<byte[], byte[]>> dead =
          kafka.broker().topics().read(TopicNames.deadLetter(topic), 5, WAIT);
      assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.EXCEPTION_MESSAGE)).containsExactly(
          "record has no member id",
          "structured-mode event carries data_base64; only JSON data is supported",
          "structured-mode event is not a JSON object",
          "unsupported structured-mode event format application/cloudevents+avro (only application/cloudevents+json)",
          header(dead.get(4), DeadLetterHeaders.EXCEPTION_MESSAGE));
      assertThat(header(dead.get(4), DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("payload of " + type
          + " event e-3 is not valid");
      assertThat(subscriber.state()).isEqualTo(EventSubscriber.State.RUNNING);
    }
    assertThat(received).isEmpty();
  }

  private static void send(String topic, String contentType, String value) {
    try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.broker().bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, value);
      record.headers().add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
      raw.send(record);
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
