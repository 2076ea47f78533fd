package org.lfenergy.sogno.sdk.kafka;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
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

  static final EventType<Job> JOB_STATE_CHANGED = JobEvents.stateChanged(Job.class);
  static final EventType<Sequenced> SEQUENCED = EventType.of("org.lfenergy.sogno.test.sequenced.v1", Sequenced.class);

  private Fixtures() {}

  static KafkaConfig kafkaConfig(EmbeddedKafkaBroker broker) {
    return KafkaConfig.builder().bootstrapServers(broker.bootstrapServers()).clientId("test").build();
  }

  static EventPublisher publisher(EmbeddedKafkaBroker broker) {
    return EventPublisher.builder().kafka(kafkaConfig(broker)).source(SOURCE).metrics(MessagingMetrics.none()).build();
  }

  static String topic(String event) {
    return TopicNames.of("tests", event + "-" + UUID.randomUUID().toString().substring(0, 8), 1);
  }

  static EventSubscriber.Builder subscriber(EmbeddedKafkaBroker broker, String topic) {
    return EventSubscriber.builder()
        .kafka(kafkaConfig(broker))
        .groupId("group-" + UUID.randomUUID())
        .topics(topic)
        .metrics(MessagingMetrics.none())
        .pollTimeout(Duration.ofMillis(100))
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(100)).build()).build());
  }
}
