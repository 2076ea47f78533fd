package org.lfenergy.sogno.sdk.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link EventSubscriber} in a JVM of its own, for crash tests: it prints {@code HANDLED <ce_id>}
 * per handled event and blocks in the handler of the event after the first {@code handleCount}, so
 * the batch it is in is never committed. The parent kills it with SIGKILL.
 */
final class SubscriberProcess {
  static final String HANDLED = "HANDLED ";

  private SubscriberProcess() {}

  /** Starts the child; the caller reads {@link Process#getInputStream()} and kills it. */
  static Process start(String bootstrapServers, String topic, String groupId, int handleCount) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        SubscriberProcess.class.getName(), bootstrapServers, topic, groupId, String.valueOf(handleCount)));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's output until it reported {@code count} handled events; returns their ids. */
  static List<String> awaitHandled(Process child, int count) throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> ids = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    for (String line; ids.size() < count && (line = output.readLine()) != null; ) {
      if (line.startsWith(HANDLED)) {
        ids.add(line.substring(HANDLED.length()));
      } else if (other.length() < 8_192) {
        other.append(line).append('\n');
      }
    }
    if (ids.size() < count) {
      throw new IllegalStateException("the subscriber process ended after " + ids.size() + " events:\n" + other);
    }
    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "subscriber-process-output");
    drain.setDaemon(true);
    drain.start();
    return ids;
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
