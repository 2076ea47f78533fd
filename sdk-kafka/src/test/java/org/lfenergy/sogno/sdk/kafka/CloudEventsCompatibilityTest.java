package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * Wire compatibility with the CloudEvents Java SDK's Kafka binding, in both directions, and its
 * structured mode (JSON event format) read by the subscriber.
 */
class CloudEventsCompatibilityTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

  @Test
  void theCloudEventsSdkReadsWhatThePublisherWrites() {
    String topic = Fixtures.topic("to-cloudevents-sdk");
    kafka.broker().topics().create(topic);
    Job job = Job.running("j-9", 90);
    Event<Job> sent = Event.of(Fixtures.JOB_STATE_CHANGED, job).subject("j-9")
        .dataSchema(URI.create("https://sogno-platform.github.io/schemas/job.json"))
        .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").requestId("req-1").build();
    try (EventPublisher publisher = Fixtures.publisher(kafka.broker())) {
      publisher.publish(topic, sent);
    }

    CloudEvent received = readWithCloudEventsSdk(topic);

    assertThat(received.getSpecVersion().toString()).isEqualTo("1.0");
    assertThat(received.getId()).isEqualTo(sent.id());
    assertThat(received.getSource()).isEqualTo(Fixtures.SOURCE);
    assertThat(received.getType()).isEqualTo(JobEvents.STATE_CHANGED);
    assertThat(received.getSubject()).isEqualTo("j-9");
    assertThat(received.getTime()).isEqualTo(sent.time());
    assertThat(received.getDataContentType()).isEqualTo("application/json");
    assertThat(received.getDataSchema()).isEqualTo(URI.create("https://sogno-platform.github.io/schemas/job.json"));
    assertThat(received.getExtension("traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(received.getExtension("requestid")).isEqualTo("req-1");
    assertThat(SognoJson.defaults().read(received.getData().toBytes(), Job.class)).isEqualTo(job);
  }

  @Test
  void theSubscriberReadsWhatTheCloudEventsSdkWrites() {
    assertTheSubscriberReads("from-cloudevents-sdk", serializer(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY")));
  }

  @Test
  void theSubscriberReadsAStructuredModeEventTheCloudEventsSdkWrites() {
    assertTheSubscriberReads("structured-from-cloudevents-sdk", serializer(Map.of(
        CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED", CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE)));
  }

  /** An event the CloudEvents SDK writes with {@code serializer} reaches the handler with every attribute. */
  private static void assertTheSubscriberReads(String topicName, CloudEventSerializer serializer) {
    String topic = Fixtures.topic(topicName);
    kafka.broker().topics().create(topic);
    Job job = Job.running("j-10", 5);
    CloudEvent event = CloudEventBuilder.v1()
        .withId("ce-1")
        .withSource(URI.create("urn:sogno:other-service"))
        .withType(JobEvents.STATE_CHANGED)
        .withSubject("j-10")
        .withTime(OffsetDateTime.parse("2026-11-27T10:15:30.5Z"))
        .withDataContentType("application/json")
        .withExtension("requestid", "req-2")
        .withData(SognoJson.defaults().write(job))
        .build();
    try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
        kafka.broker().clientProperties(), new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic, "j-10", event));
    }
    List<Event<Job>> received = new CopyOnWriteArrayList<>();

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.JOB_STATE_CHANGED, received::add).build().start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
    }

    Event<Job> got = received.get(0);
    assertThat(got.id()).isEqualTo("ce-1");
    assertThat(got.source()).contains(URI.create("urn:sogno:other-service"));
    assertThat(got.subject()).contains("j-10");
    assertThat(got.time()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30.5Z"));
    assertThat(got.requestId()).contains("req-2");
    assertThat(got.dataContentType()).isEqualTo("application/json");
    assertThat(got.data()).isEqualTo(job);
  }

  private static CloudEventSerializer serializer(Map<String, String> settings) {
    CloudEventSerializer serializer = new CloudEventSerializer();
    serializer.configure(settings, false);
    return serializer;
  }

  private static CloudEvent readWithCloudEventsSdk(String topic) {
    try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "cloudevents-sdk-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new CloudEventDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<CloudEvent> events = new CopyOnWriteArrayList<>();
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        ConsumerRecords<String, CloudEvent> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, CloudEvent> record : records) {
          events.add(record.value());
        }
        return !events.isEmpty();
      });
      return events.get(0);
    }
  }
}
