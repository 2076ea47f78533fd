package org.lfenergy.sogno.sdk.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/** Shared payloads and clients of the broker tests. */
final class Fixtures {
  static final URI SOURCE = URI.create("/sogno/tests");

  /** The Job resource of the wire format, as a service would model it. */
  record Job(String id, String status, String kind, Progress progress, OffsetDateTime createdAt,
      OffsetDateTime updatedAt, Map<String, Link> links) {
    static Job running(String id, int percent) {
      OffsetDateTime now = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
      return new Job(id, "running", "powerflow", new Progress(percent, "iteration " + percent), now, now,
          Map.of("self", new Link("/v1/jobs/" + id)));
    }
  }

  record Progress(int percent, String message) {}

  record Link(String href) {}

  /** A numbered event of one key, to check order and loss. */
  record Sequenced(String key, long sequence) {}

  /** Dead-lettering to {@code <topic>.dlt}, created by the subscriber's start where missing. */
  static final FailureConfig CREATING_DEAD_LETTER_TOPICS =
      FailureConfig.builder().createMissingDeadLetterTopics(true).build();

  static final EventType<Job> JOB_STATE_CHANGED = JobEvents.stateChanged(Job.class);
  static final EventType<Sequenced> SEQUENCED = EventType.of("org.lfenergy.sogno.test.sequenced.v1", Sequenced.class);

  private Fixtures() {}

  static KafkaConfig kafkaConfig(EmbeddedKafkaBroker broker) {
    return KafkaConfig.builder().bootstrapServers(broker.bootstrapServers()).clientId("test").build();
  }

  static EventPublisher publisher(EmbeddedKafkaBroker broker) {
    return EventPublisher.builder().kafka(kafkaConfig(broker)).source(SOURCE).build();
  }

  static String topic(String event) {
    return TopicNames.of("tests", event + "-" + UUID.randomUUID().toString().substring(0, 8), 1);
  }

  static EventSubscriber.Builder subscriber(EmbeddedKafkaBroker broker, String topic) {
    return EventSubscriber.builder()
        .kafka(kafkaConfig(broker))
        .groupId("group-" + UUID.randomUUID())
        .topics(topic)
        .onFailure(CREATING_DEAD_LETTER_TOPICS)
        .pollTimeout(Duration.ofMillis(100))
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(100)).build()).build());
  }

  /** What slf4j-simple (this module's test logger, writing to System.err) printed while {@code action} ran. */
  static String capturingStandardError(Runnable action) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The group's committed offset of partition 0 of {@code topic}, or null. */
  static OffsetAndMetadata committed(EmbeddedKafkaBroker broker, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(topic, 0));
    }
  }
}
