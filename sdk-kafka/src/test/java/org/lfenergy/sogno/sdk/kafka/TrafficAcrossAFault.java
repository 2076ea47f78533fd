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
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * Publishes numbered events on several keys while a subscriber consumes them, runs a broker fault
 * once a quarter is acknowledged, and checks that every event was stored and handled, exactly the
 * set sent (after de-duplicating by {@code ce_id}) and in order per key.
 */
final class TrafficAcrossAFault {
  private static final Duration LONG_WAIT = Duration.ofMinutes(3);

  private TrafficAcrossAFault() {}

  static void losesNothing(String bootstrapServers, TestTopics topics, String topic, int events, int keys,
      Runnable fault) {
    KafkaConfig config = KafkaConfig.builder().bootstrapServers(bootstrapServers).clientId("fault").build();
    Tally tally = new Tally();
    AtomicInteger acknowledged = new AtomicInteger();
    List<String> sentIds = new ArrayList<>();

    try (EventPublisher publisher = EventPublisher.builder().kafka(config).source(Fixtures.SOURCE).build();
        EventSubscriber subscriber = EventSubscriber.builder().kafka(config).groupId("fault-" + topic)
            .topics(topic).pollTimeout(Duration.ofMillis(100))
            .onFailure(Fixtures.CREATING_DEAD_LETTER_TOPICS)
            .on(Fixtures.SEQUENCED, tally).build().start()) {
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
        List<CompletableFuture<PublishResult>> results = new ArrayList<>();
        for (int i = 0; i < events; i++) {
          String key = "key-" + (i % keys);
          Event<Sequenced> event = Event.of(Fixtures.SEQUENCED, new Sequenced(key, i / keys)).subject(key).build();
          synchronized (sentIds) {
            sentIds.add(event.id());
          }
          results.add(publisher.publishAsync(topic, event).whenComplete((r, e) -> acknowledged.incrementAndGet()));
          if (i % 100 == 0) {
            pause(2);
          }
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
      });

      await().atMost(LONG_WAIT).until(() -> acknowledged.get() >= events / 4 && tally.distinct() > 0);
      fault.run();

      publishing.join(); // every publish acknowledged, none failed
      await().atMost(LONG_WAIT).until(() -> tally.distinct() == events);
    }

    Set<String> stored = topics.read(topic, events, LONG_WAIT).stream()
        .map(record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
        .collect(Collectors.toSet());
    assertThat(stored).hasSize(events).isEqualTo(Set.copyOf(sentIds));
    assertThat(tally.ids()).isEqualTo(stored);
    tally.assertOrderPerKey(keys, events / keys);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
