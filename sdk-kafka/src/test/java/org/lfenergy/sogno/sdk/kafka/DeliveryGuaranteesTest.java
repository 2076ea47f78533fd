package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;

/** At-least-once delivery under load, consumer crashes and rebalances, on the real broker. */
class DeliveryGuaranteesTest extends OnSharedBroker {
  private static final Duration LONG_WAIT = Duration.ofMinutes(3);


  @Test
  void deliversOneHundredThousandEventsToThreeConsumersLosingNoneAndKeepingOrderPerKey() {
    String topic = Fixtures.topic("hundred-thousand");
    kafka.broker().topics().create(topic, 6);
    int keys = 50;
    int perKey = 2_000;
    Tally tally = new Tally();

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, tally).consumers(3).build().start()) {
      publishSequenced(topic, keys, perKey).join();
      await().atMost(LONG_WAIT).until(() -> tally.distinct() == keys * perKey);
      assertThat(subscriber.isRunning()).isTrue();
    }

    tally.assertOrderPerKey(keys, perKey);
    assertThat(kafka.broker().topics().endOffsetSum(TopicNames.deadLetter(topic))).as("nothing dead-lettered").isZero();
  }

  @Test
  void redeliversTheUncommittedRestOfABatchWhenAConsumerCrashesMidBatch() {
    String topic = Fixtures.topic("crash");
    kafka.broker().topics().create(topic);
    publishSequenced(topic, 1, 1_000).join();
    List<Long> first = new CopyOnWriteArrayList<>();
    List<Long> second = new CopyOnWriteArrayList<>();
    String group = "crash-" + topic;

    try (EventSubscriber crashing = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> {
          if (event.data().sequence() == 250) {
            throw new SimulatedCrash();
          }
          first.add(event.data().sequence());
        }).build().start()) {
      await().atMost(LONG_WAIT).until(() -> !crashing.isRunning());
    }
    try (EventSubscriber successor = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> second.add(event.data().sequence())).build().start()) {
      await().atMost(LONG_WAIT).until(() -> second.size() >= 750);
    }

    assertThat(first).hasSize(250).isSorted().startsWith(0L).endsWith(249L);
    assertThat(second).startsWith(250L).contains(999L).doesNotHaveDuplicates().isSorted();
    assertThat(second).hasSize(750);
  }

  @Test
  void rebalancesBetweenTwoConsumersWhileEventsFlowLosingNone() {
    String topic = Fixtures.topic("rebalance");
    kafka.broker().topics().create(topic, 4);
    int keys = 32;
    String group = "rebalance-" + topic;
    Tally all = new Tally();
    AtomicInteger byFirst = new AtomicInteger();
    AtomicInteger bySecond = new AtomicInteger();
    AtomicBoolean flowing = new AtomicBoolean(true);

    EventSubscriber first = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> {
          byFirst.incrementAndGet();
          all.handle(event);
        }).build().start();
    CompletableFuture<Long> rounds = publishRoundsWhile(topic, keys, flowing);
    await().atMost(LONG_WAIT).until(() -> byFirst.get() >= 1_000);
    try (EventSubscriber second = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> {
          bySecond.incrementAndGet();
          all.handle(event);
        }).build().start()) {
      await().atMost(LONG_WAIT).until(() -> bySecond.get() >= 500);
      first.close();
      int afterClose = bySecond.get();
      await().atMost(LONG_WAIT).until(() -> bySecond.get() >= afterClose + 500);
      flowing.set(false);
      long perKey = rounds.join();
      await().atMost(LONG_WAIT).until(() -> all.distinct() == keys * perKey);
      all.assertOrderPerKey(keys, perKey);
    }
    assertThat(byFirst.get()).isPositive();
    assertThat(bySecond.get()).isPositive();
  }

  /** Publishes one numbered event per key per round until {@code flowing} turns false; returns the rounds. */
  private static CompletableFuture<Long> publishRoundsWhile(String topic, int keys, AtomicBoolean flowing) {
    return CompletableFuture.supplyAsync(() -> {
      List<CompletableFuture<PublishResult>> results = new ArrayList<>();
      long round = 0;
      for (; flowing.get(); round++) {
        for (int key = 0; key < keys; key++) {
          String name = "key-" + key;
          results.add(publisher.publishAsync(topic, Event.of(Fixtures.SEQUENCED, new Sequenced(name, round)).subject(name).build()));
        }
        pause(5);
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
      return round;
    });
  }

  /**
   * Publishes {@code perKey} numbered events for each of {@code keys} keys, asynchronously.
   */
  private static CompletableFuture<Void> publishSequenced(String topic, int keys, int perKey) {
    return CompletableFuture.runAsync(() -> {
      List<CompletableFuture<PublishResult>> results = new ArrayList<>(keys * perKey);
      for (long sequence = 0; sequence < perKey; sequence++) {
        for (int key = 0; key < keys; key++) {
          String name = "key-" + key;
          results.add(publisher.publishAsync(topic,
              Event.of(Fixtures.SEQUENCED, new Sequenced(name, sequence)).subject(name).build()));
        }
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
    });
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An error no handler should catch, standing in for a crash of the consumer thread. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash");
    }
  }
}
