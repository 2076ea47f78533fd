package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * A broker with topic auto-creation off, as production clusters run: a subscriber to a topic that does
 * not exist, or whose dead-letter topic does not exist, fails {@code start()} at once with a typed error
 * naming the topic, instead of a consumer that logs {@code UNKNOWN_TOPIC_OR_PARTITION} on every
 * metadata refresh and a dead-letter producer that blocks {@code close()}.
 */
class MissingTopicTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka =
      EmbeddedKafkaExtension.withBroker(broker -> broker.brokerProperty("auto.create.topics.enable", "false"));

  @Test
  void aSubscriberToAMissingTopicFailsStartNamingItWithoutAWarningStorm() {
    String missing = Fixtures.topic("missing");
    EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), missing)
        .on(Fixtures.SEQUENCED, event -> { }).build();
    Attempt attempt = startAndClose(subscriber);

    assertThat(attempt.thrown()).isInstanceOfSatisfying(TopicMissingException.class, e -> {
      assertThat(e.topics()).containsExactly(missing);
      assertThat(e).hasMessageContaining(missing).hasMessageContaining("does not create the topics it reads");
    });
    assertThat(attempt.log()).doesNotContain("UNKNOWN_TOPIC_OR_PARTITION");
    assertThat(subscriber.state()).isEqualTo(EventSubscriber.State.CLOSED);
    assertThat(kafka.broker().topics().names()).doesNotContain(missing, TopicNames.deadLetter(missing));
  }

  @Test
  void aSubscriberOnAnExistingTopicWhoseDeadLetterTopicIsMissingFailsStartAndClosesCleanly() {
    String topic = Fixtures.topic("no-dlt");
    kafka.broker().topics().create(topic);
    EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).onFailure(FailureConfig.defaults())
        .on(Fixtures.SEQUENCED, event -> { }).build();
    Attempt attempt = startAndClose(subscriber);

    assertThat(attempt.thrown()).isInstanceOfSatisfying(TopicMissingException.class,
        e -> assertThat(e.topics()).containsExactly(TopicNames.deadLetter(topic)));
    assertThat(attempt.log()).doesNotContain("UNKNOWN_TOPIC_OR_PARTITION", "Producer closed while send in progress");
    assertThat(kafka.broker().topics().names()).doesNotContain(TopicNames.deadLetter(topic));
  }

  @Test
  void closingWhileADeadLetterWriteWaitsForADeletedTopicLeavesTheRecordUncommittedWithoutAFailure()
      throws Exception {
    String topic = Fixtures.topic("dlt-deleted");
    String deadLetters = TopicNames.deadLetter(topic);
    kafka.broker().topics().create(topic);
    kafka.broker().topics().create(deadLetters);
    AtomicInteger calls = new AtomicInteger();
    EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).onFailure(FailureConfig.defaults())
        .retry(HandlerRetryConfig.noRetries())
        .on(Fixtures.SEQUENCED, event -> {
          calls.incrementAndGet();
          throw new IllegalStateException("cannot handle");
        })
        .build().start();
    kafka.broker().topics().delete(deadLetters);
    await().atMost(WAIT).until(() -> !kafka.broker().topics().names().contains(deadLetters));
    try (EventPublisher publisher = Fixtures.publisher(kafka.broker())) {
      publisher.publish(topic, Fixtures.SEQUENCED, new Sequenced("k", 1));
    }
    await().atMost(WAIT).until(() -> calls.get() == 1); // the dead-letter write follows at once

    String log = Fixtures.capturingStandardError(subscriber::close);

    assertThat(subscriber.state()).isEqualTo(EventSubscriber.State.CLOSED);
    assertThat(subscriber.failure()).as("closing is not a failure").isEmpty();
    assertThat(log).doesNotContain("stopped for good");
    assertThat(Fixtures.committed(kafka.broker(), subscriber.groupId(), topic)).as("left for the next consumer")
        .isNull();
    assertThat(kafka.broker().topics().names()).doesNotContain(deadLetters);
  }

  /** What {@code start()} threw, and what was logged while it ran and the subscriber was closed. */
  private record Attempt(Throwable thrown, String log) {}

  private static Attempt startAndClose(EventSubscriber subscriber) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    String log = Fixtures.capturingStandardError(() -> {
      try {
        subscriber.start();
      } catch (RuntimeException e) {
        thrown.set(e);
      }
      subscriber.close();
    });
    return new Attempt(thrown.get(), log);
  }
}
