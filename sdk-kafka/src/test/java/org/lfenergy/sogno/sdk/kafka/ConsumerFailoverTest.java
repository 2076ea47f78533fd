package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;

/** A consumer dies or hangs; another consumer of the group takes its partitions over and nothing is lost. */
class ConsumerFailoverTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int EVENTS = 60;

  @Test
  void redeliversTheUncommittedRestOfABatchWhenTheConsumerProcessIsKilled() throws Exception {
    String topic = Fixtures.topic("process-kill");
    kafka.broker().topics().create(topic, 2);
    Set<String> sent = publish(topic);
    String group = "group-process-kill-" + topic;

    List<String> handledByChild;
    try (ChildJvm child = SubscriberProcess.start(kafka.broker().bootstrapServers(), topic, group, 10)) {
      handledByChild = SubscriberProcess.awaitHandled(child, 10);
      child.kill(); // SIGKILL while its handler is in the middle of a batch
      assertThat(child.isAlive()).isFalse();
    }

    Tally next = new Tally();
    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, next).build().start()) {
      await().atMost(WAIT).until(() -> next.ids().containsAll(sent));
    }
    assertThat(next.ids()).as("every event, none lost").isEqualTo(sent);
    assertThat(next.ids()).as("the killed process's uncommitted events came again").containsAll(handledByChild);
  }

  @Test
  void takesOverThePartitionsOfAConsumerStuckInAHandlerPastMaxPollInterval() {
    String topic = Fixtures.topic("stuck");
    kafka.broker().topics().create(topic, 2);
    Set<String> sent = publish(topic);
    String group = "group-stuck-" + topic;
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean stuck = new AtomicBoolean();

    EventSubscriber first = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .retry(HandlerRetryConfig.noRetries())
        .consumerProperty("max.poll.interval.ms", "3000")
        .on(Fixtures.SEQUENCED, event -> {
          stuck.set(true);
          release.await(); // never returns while the test runs: the consumer stops polling
        })
        .build().start();
    Tally second = new Tally();
    try (EventSubscriber takeover = Fixtures.subscriber(kafka.broker(), topic).groupId(group)
        .on(Fixtures.SEQUENCED, second).build()) {
      await().atMost(WAIT).untilTrue(stuck);
      takeover.start();
      await().atMost(WAIT).until(() -> second.ids().containsAll(sent));
      assertThat(second.ids()).as("every event, including the one the stuck handler holds").isEqualTo(sent);
    } finally {
      release.countDown();
      first.close();
    }
  }

  private static Set<String> publish(String topic) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      String key = "key-" + (i % 6);
      ids.add(publisher.publish(topic, Event.of(Fixtures.SEQUENCED, new Sequenced(key, i)).subject(key).build())
          .eventId());
    }
    return Set.copyOf(ids);
  }
}
