package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.kafka.micrometer.MicrometerMessagingMetrics;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

class MicrometerMessagingMetricsTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

  @Test
  void measuresPublishingHandlingRetriesAndDeadLetters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MessagingMetrics metrics = MicrometerMessagingMetrics.of(registry);
    String topic = Fixtures.topic("metered");
    kafka.broker().topics().create(topic);
    AtomicInteger calls = new AtomicInteger();

    try (EventPublisher publisher = EventPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .source(Fixtures.SOURCE).metrics(metrics).build()) {
      publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("ok", 1));
      publisher.publish(topic, Fixtures.SEQUENCED, new Fixtures.Sequenced("bad", 2));
    }
    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).metrics(metrics)
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).build()).build())
        .on(Fixtures.SEQUENCED, event -> {
          calls.incrementAndGet();
          if (event.data().key().equals("bad")) {
            throw new IllegalStateException("bad");
          }
        }).build().start()) {
      await().atMost(Duration.ofSeconds(60)).until(() ->
          registry.find("sogno.kafka.dead.letters").counter() != null);
    }

    String type = Fixtures.SEQUENCED.name();
    assertThat(registry.get("sogno.kafka.publish").tags("topic", topic, "type", type, "outcome", "success").timer().count())
        .isEqualTo(2);
    assertThat(registry.get("sogno.kafka.handle").tags("outcome", "success").timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.kafka.handle").tags("outcome", "dead-lettered").timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.kafka.retries").tags("topic", topic, "type", type).counter().count()).isEqualTo(1);
    assertThat(registry.get("sogno.kafka.dead.letters").tags("topic", topic, "reason", "IllegalStateException")
        .counter().count()).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void autoDetectsMicrometerOnTheClasspath() {
    assertThat(MessagingMetrics.auto()).isInstanceOf(MicrometerMessagingMetrics.class);
    assertThat(MessagingMetrics.none()).isSameAs(MessagingMetrics.NoMetrics.INSTANCE);
  }
}
