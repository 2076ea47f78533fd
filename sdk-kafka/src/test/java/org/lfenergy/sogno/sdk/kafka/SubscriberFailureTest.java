package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/** What a subscriber does when it cannot go on: a dead-letter topic that refuses, a handler's Error. */
class SubscriberFailureTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** The logger a subscriber reports a consumer stopped for good on. */
  private static final String WORKER_LOGGER = "org.lfenergy.sogno.sdk.kafka.internal.ConsumerWorker";

  @Test
  void stopsTheConsumerAfterBoundedDeadLetterAttemptsInsteadOfLoopingOnTheRecord() throws Exception {
    String topic = Fixtures.topic("dlt-refuses");
    kafka.broker().topics().create(topic);
    // The dead-letter topic takes nothing bigger than 1 KB; the dead letter carries a 2 KB payload.
    kafka.broker().topics().create(TopicNames.deadLetter(topic), 1, Map.of("max.message.bytes", "1024"));
    publisher.publish(topic, Fixtures.SEQUENCED, new Sequenced("k".repeat(2048), 1));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventSubscriber.Builder builder = Fixtures.subscriber(kafka.broker(), topic)
        .on(Fixtures.SEQUENCED, event -> {
          throw new IllegalStateException("cannot handle");
        })
        .retry(HandlerRetryConfig.builder()
            .backoff(Backoff.builder().maxAttempts(1).initialDelay(Duration.ofMillis(20)).build()).build())
        .onFailure(FailureConfig.builder().deadLetterAttempts(2).build())
        .deadLetterProducerProperty("compression.type", "none")
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build());

    try (EventSubscriber subscriber = builder.build().start()) {
      String log = Fixtures.capturingStandardError(
          () -> await().atMost(WAIT).until(() -> subscriber.state() == EventSubscriber.State.FAILED));

      assertThat(log).contains("ERROR " + WORKER_LOGGER, "stopped for good", "DeadLetterException",
          TopicNames.deadLetter(topic));
      assertThat(subscriber.isRunning()).isFalse();
      assertThat(subscriber.failure()).get().isInstanceOfSatisfying(DeadLetterException.class, e -> {
        assertThat(e).hasMessageContaining(TopicNames.deadLetter(topic)).hasMessageContaining("2 attempts")
            .hasCauseInstanceOf(RecordTooLargeException.class);
      });
      assertThat(registry.get("sogno.messaging.dead.letter.failures").tag("topic", topic)
          .tag("reason", "RecordTooLargeException").counter().count()).isEqualTo(2.0);
      assertThat(registry.get("sogno.messaging.consumer.stopped").tag("group", subscriber.groupId())
          .tag("reason", "DeadLetterException").counter().count()).isEqualTo(1.0);
      assertThat(Fixtures.committed(kafka.broker(), subscriber.groupId(), topic)).as("nothing committed, so nothing lost").isNull();
      assertThat(kafka.broker().topics().endOffsetSum(TopicNames.deadLetter(topic))).isZero();
    }
  }

  @Test
  void aHandlerErrorStopsItsConsumerVisiblyAndLeavesTheRecordForTheNextConsumer() throws Exception {
    String topic = Fixtures.topic("handler-error");
    kafka.broker().topics().create(topic);
    for (long sequence = 1; sequence <= 3; sequence++) {
      publisher.publish(topic, Fixtures.SEQUENCED, new Sequenced("k", sequence));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String group = "group-handler-error-" + topic;
    AssertionError bug = new AssertionError("invariant broken");
    List<Long> handledFirst = new CopyOnWriteArrayList<>();

    EventSubscriber first = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> {
          if (event.data().sequence() == 2) {
            throw bug;
          }
          handledFirst.add(event.data().sequence());
        })
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build())
        .build().start();
    try {
      String log = Fixtures.capturingStandardError(
          () -> await().atMost(WAIT).until(() -> first.state() == EventSubscriber.State.FAILED));
      assertThat(log).contains("ERROR " + WORKER_LOGGER, "stopped for good", "invariant broken");      assertThat(first.isRunning()).isFalse();
      assertThat(first.failure()).containsSame(bug);
      assertThat(registry.get("sogno.messaging.consumer.stopped").tag("group", group).tag("reason", "AssertionError")
          .counter().count()).isEqualTo(1.0);
      assertThat(registry.find("sogno.messaging.dead.letters").counters()).as("an Error is not dead-lettered").isEmpty();
      assertThat(handledFirst).containsExactly(1L);
      assertThat(Fixtures.committed(kafka.broker(), group, topic).offset()).as("committed up to the record that threw").isEqualTo(1);
    } finally {
      first.close();
    }
    assertThat(first.state()).isEqualTo(EventSubscriber.State.CLOSED);
    assertThat(first.failure()).containsSame(bug);

    List<Long> handledNext = new CopyOnWriteArrayList<>();
    try (EventSubscriber next = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, event -> handledNext.add(event.data().sequence())).build().start()) {
      await().atMost(WAIT).until(() -> handledNext.size() >= 2);
      assertThat(next.state()).isEqualTo(EventSubscriber.State.RUNNING);
    }
    assertThat(handledNext).containsExactly(2L, 3L);
  }
}
