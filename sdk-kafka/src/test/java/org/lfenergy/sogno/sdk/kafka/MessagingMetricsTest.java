package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/** The meters of publishers and subscribers, by name and tags, recorded in the configured registry. */
class MessagingMetricsTest extends OnSharedBroker {

  @Test
  void measuresPublishingProcessingRetriesAndDeadLettersInTheConfiguredRegistry() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservabilityConfig observability = ObservabilityConfig.builder().meterRegistry(registry).build();
    String topic = Fixtures.topic("metered");
    kafka.broker().topics().create(topic);
    AtomicInteger calls = new AtomicInteger();

    try (EventPublisher metered = EventPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .source(Fixtures.SOURCE).observability(observability).build()) {
      metered.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("ok", 1));
      metered.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("bad", 2));
    }
    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).observability(observability)
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).build()).build())
        .on(Fixtures.SEQUENCED, event -> {
          calls.incrementAndGet();
          if (event.data().key().equals("bad")) {
            throw new IllegalStateException("bad");
          }
        }).build().start()) {
      await().atMost(Duration.ofSeconds(60)).until(() ->
          registry.find("sogno.messaging.dead.letters").counter() != null);
    }

    String type = Fixtures.SEQUENCED.name();
    assertThat(registry.get("sogno.messaging.publish").tags("topic", topic, "type", type, "outcome", "success")
        .timer().count()).isEqualTo(2);
    assertThat(registry.get("sogno.messaging.process").tags("topic", topic, "type", type, "outcome", "success")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.messaging.process").tags("topic", topic, "type", type, "outcome", "dead_lettered")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.messaging.retries").tags("topic", topic, "type", type).counter().count())
        .isEqualTo(1);
    assertThat(registry.get("sogno.messaging.dead.letters").tags("topic", topic, "reason", "IllegalStateException")
        .counter().count()).isEqualTo(1);
    assertThat(registry.find("sogno.kafka.publish").meters()).as("the old names are gone").isEmpty();
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aFailedPublishIsTimedAsAFailure() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String topic = Fixtures.topic("unserializable");
    try (JsonPublisher metered = JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build()).build()) {
      try {
        metered.publish(topic, "k", new EventPublisherTest.Exploding());
      } catch (EventSerializationException expected) {
        // measured below
      }
    }

    assertThat(registry.get("sogno.messaging.publish").tags("topic", topic, "type", "json", "outcome", "failure")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void withoutObservabilityNothingIsRecordedInTheGlobalRegistry() {
    String topic = Fixtures.topic("unmetered");
    kafka.broker().topics().create(topic);

    publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("k", 1));

    assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find("sogno.messaging.publish")
        .tag("topic", topic).meters()).isEmpty();
  }
}
