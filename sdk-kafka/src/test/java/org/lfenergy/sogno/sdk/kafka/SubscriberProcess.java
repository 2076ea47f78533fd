package org.lfenergy.sogno.sdk.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/**
 * An {@link EventSubscriber} in a JVM of its own, for crash tests: it prints {@code HANDLED <ce_id>}
 * per handled event and blocks in the handler of the event after the first {@code handleCount}, so
 * the batch it is in is never committed. The parent kills it with SIGKILL.
 */
final class SubscriberProcess {
  static final String HANDLED = "HANDLED ";

  private SubscriberProcess() {}

  /** Starts the child; the caller awaits its events with {@link #awaitHandled} and kills it. */
  static ChildJvm start(String bootstrapServers, String topic, String groupId, int handleCount) throws IOException {
    return ChildJvm.builder(SubscriberProcess.class).maxHeapMegabytes(256)
        .args(bootstrapServers, topic, groupId, String.valueOf(handleCount)).start();
  }

  /** Waits until the child reported {@code count} handled events; returns their ids. */
  static List<String> awaitHandled(ChildJvm child, int count) {
    return child.awaitLines(line -> line.startsWith(HANDLED), count).stream()
        .map(line -> line.substring(HANDLED.length())).toList();
  }

  /** {@code <bootstrapServers> <topic> <groupId> <handleCount>}. */
  public static void main(String[] args) throws InterruptedException {
    int handleCount = Integer.parseInt(args[3]);
    AtomicInteger handled = new AtomicInteger();
    CountDownLatch never = new CountDownLatch(1);
    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.builder().bootstrapServers(args[0]).clientId("subscriber-process").build())
        .groupId(args[2])
        .topics(args[1])
        .onFailure(Fixtures.CREATING_DEAD_LETTER_TOPICS)
        .pollTimeout(Duration.ofMillis(100))
        // a dead member leaves the group after 6 s (the broker's minimum), not the default 45 s
        .consumerProperty("session.timeout.ms", "6000")
        .consumerProperty("heartbeat.interval.ms", "1000")
        .on(Fixtures.SEQUENCED, event -> {
          if (handled.get() == handleCount) {
            never.await(); // mid-batch: nothing of this batch is committed
          }
          System.out.println(HANDLED + event.id());
          System.out.flush();
          handled.incrementAndGet();
        })
        .build().start();
    never.await();
    subscriber.close();
  }
}
