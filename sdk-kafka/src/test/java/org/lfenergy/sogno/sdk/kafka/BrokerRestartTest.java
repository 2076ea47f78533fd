package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/** The broker goes down and comes back while events are published and consumed: nothing is lost. */
class BrokerRestartTest {
  private static final Duration LONG_WAIT = Duration.ofMinutes(3);
  private static final int EVENTS = 20_000;
  private static final int KEYS = 20;

  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

  @Test
  void losesNoEventWhenTheBrokerRestartsMidStream() {
    String topic = Fixtures.topic("restart");
    kafka.broker().topics().create(topic, 3);
    Tally tally = new Tally();
    AtomicInteger acknowledged = new AtomicInteger();
    List<String> sentIds = new ArrayList<>();

    try (EventPublisher publisher = Fixtures.publisher(kafka.broker());
        EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
            .on(Fixtures.SEQUENCED, tally).build().start()) {
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
        List<CompletableFuture<PublishResult>> results = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          String key = "key-" + (i % KEYS);
          Event<Sequenced> event = Event.of(Fixtures.SEQUENCED, new Sequenced(key, i / KEYS)).subject(key).build();
          synchronized (sentIds) {
            sentIds.add(event.id());
          }
          results.add(publisher.publishAsync(topic, event).whenComplete((r, e) -> acknowledged.incrementAndGet()));
          if (i % 200 == 0) {
            pause(2);
          }
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
      });

      await().atMost(LONG_WAIT).until(() -> acknowledged.get() >= EVENTS / 4);
      kafka.broker().stop();
      kafka.broker().start();

      publishing.join();
      await().atMost(LONG_WAIT).until(() -> tally.distinct() == EVENTS);
    }

    Set<String> stored = kafka.broker().topics().read(topic, EVENTS, LONG_WAIT).stream()
        .map(record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
        .collect(Collectors.toSet());
    assertThat(stored).hasSize(EVENTS).isEqualTo(Set.copyOf(sentIds));
    assertThat(tally.ids()).isEqualTo(stored);
    tally.assertOrderPerKey(KEYS, EVENTS / KEYS);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
