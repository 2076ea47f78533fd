package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Plain JSON for consumers outside the SDK (Telegraf's {@code data_format = "json"}): no envelope, no headers. */
class JsonPublisherTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);

  record Measurement(String bus, double voltage, OffsetDateTime time) {}

  /** A payload whose member cannot be read, so it cannot be written as JSON. */
  record Unwritable(String value) {
    @Override
    public String value() {
      throw new IllegalStateException("cannot be read");
    }
  }

  @Test
  void writesThePayloadAsPlainJsonWithItsKeyAndNoHeaders() {
    String topic = Fixtures.topic("json-out");
    kafka.broker().topics().create(topic);
    Measurement measurement = new Measurement("N7", 1.01, OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC));

    PublishResult result;
    try (JsonPublisher json = JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker())).build()) {
      result = json.publish(topic, "N7", measurement);
    }

    ConsumerRecord<byte[], byte[]> record = kafka.broker().topics().read(topic, 1, WAIT).get(0);
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"bus\":\"N7\",\"voltage\":1.01,\"time\":\"2026-12-07T10:00:00Z\"}");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("N7");
    assertThat(record.headers().toArray()).isEmpty();
    assertThat(result.eventId()).isNull();
    assertThat(result.topic()).isEqualTo(topic);
    assertThat(result.offset()).isZero();
  }

  @Test
  void whatItWritesAPlainJsonSubscriberReads() {
    String topic = Fixtures.topic("json-round-trip");
    kafka.broker().topics().create(topic);
    List<JsonMessage<Measurement>> received = new CopyOnWriteArrayList<>();
    Measurement measurement = new Measurement("N8", 0.99, OffsetDateTime.of(2026, 12, 7, 11, 0, 0, 0, ZoneOffset.UTC));

    try (JsonPublisher json = JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker())).build();
        EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).topics()
            .onJson(topic, Measurement.class, received::add).onFailure(FailureConfig.stop()).build().start()) {
      json.publishAsync(topic, null, measurement).join();
      await().atMost(WAIT).until(() -> received.size() == 1);
    }
    assertThat(received.get(0).data()).isEqualTo(measurement);
    assertThat(received.get(0).delivery().key()).isEmpty();
  }

  @Test
  void aPayloadThatCannotBeWrittenIsRefusedBeforeAnythingIsSent() {
    try (JsonPublisher json = JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker())).build()) {
      assertThatThrownBy(() -> json.publish("any", "k", new Unwritable("x")))
          .isInstanceOfSatisfying(EventSerializationException.class, e -> {
            assertThat(e.eventId()).isNull();
            assertThat(e).hasMessageStartingWith("Cannot serialize the record for topic any");
          });
    }
    assertThatThrownBy(() -> JsonPublisher.builder().build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("settings are required");
    assertThatThrownBy(() -> JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .producerProperty("acks", "1").build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks=1");
  }
}
