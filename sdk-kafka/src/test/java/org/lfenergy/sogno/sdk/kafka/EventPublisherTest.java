package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;

class EventPublisherTest extends OnSharedBroker {

  @Test
  void writesCloudEventsBinaryModeHeadersKeyedBySubject() {
    String topic = Fixtures.topic("published");
    kafka.broker().topics().create(topic, 3);
    Job job = Job.running("7d3f", 40);
    Event<Job> event = Event.of(Fixtures.JOB_STATE_CHANGED, job)
        .subject(job.id())
        .time(OffsetDateTime.parse("2026-11-27T12:00:00.123456Z"))
        .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .requestId("req-42")
        .build();

    PublishResult result = publisher.publish(topic, event);

    ConsumerRecord<byte[], byte[]> record = kafka.broker().topics().read(topic, 1, Duration.ofSeconds(30)).get(0);
    assertThat(result.eventId()).isEqualTo(event.id());
    assertThat(result.offset()).isEqualTo(record.offset());
    assertThat(result.partition()).isEqualTo(record.partition());
    assertThat(text(record.key())).isEqualTo("7d3f");
    Headers headers = record.headers();
    assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(headers, "ce_id")).isEqualTo(event.id());
    assertThat(header(headers, "ce_source")).isEqualTo("/sogno/tests");
    assertThat(header(headers, "ce_type")).isEqualTo("org.lfenergy.sogno.job.state-changed.v1");
    assertThat(header(headers, "ce_time")).isEqualTo("2026-11-27T12:00:00.123456Z");
    assertThat(header(headers, "ce_subject")).isEqualTo("7d3f");
    assertThat(header(headers, "content-type")).isEqualTo("application/json");
    assertThat(header(headers, "ce_traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(header(headers, "traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(header(headers, "ce_requestid")).isEqualTo("req-42");
    assertThat(SognoJson.defaults().read(record.value(), Job.class)).isEqualTo(job);
  }

  @Test
  void publishesAsynchronouslyAndKeepsOrderPerKey() throws Exception {
    String topic = Fixtures.topic("async");
    kafka.broker().topics().create(topic, 4);
    List<CompletableFuture<PublishResult>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(publisher.publishAsync(topic,
          Event.of(Fixtures.SEQUENCED, new Fixtures.Sequenced("k" + (i % 4), i)).subject("k" + (i % 4)).build()));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();

    Map<Integer, List<Long>> offsetsByPartition = new java.util.HashMap<>();
    for (CompletableFuture<PublishResult> future : futures) {
      offsetsByPartition.computeIfAbsent(future.get().partition(), p -> new java.util.ArrayList<>()).add(future.get().offset());
    }
    offsetsByPartition.values().forEach(offsets -> assertThat(offsets).isSorted());
    assertThat(kafka.broker().topics().endOffsetSum(topic)).isEqualTo(200);
  }

  @Test
  void refusesSettingsThatWeakenDeliveryAtBuildTime() {
    KafkaConfig settings = Fixtures.kafkaConfig(kafka.broker());
    assertThatThrownBy(() -> EventPublisher.builder().kafka(settings).source(Fixtures.SOURCE)
        .producerProperty("acks", "1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks=1").hasMessageContaining("acks=all");
    assertThatThrownBy(() -> EventPublisher.builder().kafka(settings).source(Fixtures.SOURCE)
        .producerProperty("enable.idempotence", "false").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enable.idempotence=true");
    assertThatThrownBy(() -> EventPublisher.builder()
        .kafka(settings.toBuilder().property("value.serializer", "x").build()).source(Fixtures.SOURCE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value.serializer");
    assertThatThrownBy(() -> EventPublisher.builder().kafka(settings).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
  }

  @Test
  void failsWithATypedErrorWhenThePayloadCannotBeSerializedAndSendsNothing() {
    String topic = Fixtures.topic("unserializable");
    kafka.broker().topics().create(topic);
    EventType<Exploding> type = EventType.of("org.lfenergy.sogno.test.exploding.v1", Exploding.class);

    assertThatThrownBy(() -> publisher.publish(topic, type, new Exploding()))
        .isInstanceOf(EventSerializationException.class)
        .hasMessageContaining(topic)
        .satisfies(e -> assertThat(((EventSerializationException) e).topic()).isEqualTo(topic));
    assertThatThrownBy(() -> publisher.publishAsync(topic, Event.of(type, new Exploding()).build()))
        .isInstanceOf(EventSerializationException.class);
    publisher.flush();
    assertThat(kafka.broker().topics().endOffsetSum(topic)).isZero();
  }

  @Test
  void refusesEventsLargerThanTheProducerLimitWithSizes() {
    String topic = Fixtures.topic("too-large");
    kafka.broker().topics().create(topic);
    try (EventPublisher small = EventPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .source(Fixtures.SOURCE).producerProperty("max.request.size", "10000").build()) {
      assertThatThrownBy(() -> small.publish(topic, EventType.of("t.big.v1", String.class), "x".repeat(50_000)))
          .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
            assertThat(e.sizeBytes()).isGreaterThan(50_000);
            assertThat(e.limitBytes()).isEqualTo(10_000);
            assertThat(e.topic()).isEqualTo(topic);
          });
    }
    assertThat(kafka.broker().topics().endOffsetSum(topic)).isZero();
  }

  @Test
  void reportsTheBrokersSizeLimitAsTooLargeToo() {
    String topic = Fixtures.topic("broker-limit");
    kafka.broker().topics().create(topic, 1, Map.of("max.message.bytes", "2000"));
    byte[] noise = new byte[20_000];
    new Random(1).nextBytes(noise);

    CompletableFuture<PublishResult> result =
        publisher.publishAsync(topic, Event.of(EventType.of("t.big.v1", String.class), Base64.getEncoder().encodeToString(noise)).build());

    assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EventTooLargeException.class);
  }

  /** Jackson cannot write it: its only property throws. */
  static final class Exploding {
    public String getValue() {
      throw new IllegalStateException("cannot be read");
    }
  }

  private static String header(Headers headers, String name) {
    return text(headers.lastHeader(name).value());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
