package org.lfenergy.sogno.sdk.bench.kafka;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.lfenergy.sogno.sdk.kafka.EventSubscriber;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * P4: an {@link EventSubscriber} (one consumer) against a {@link RawPollLoop} (the same commit
 * policy; the type check alone, or the whole CloudEvent read by the CloudEvents SDK; payloads read
 * with plain Jackson or with the SDK's JSON). Both read the same pre-filled topic in a new group; the
 * clock runs from the first handled record to the last, so group joins do not count.
 */
final class SubscriberBench {
  private final String bootstrapServers;

  SubscriberBench(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  double sdk(String topic, int events) throws InterruptedException {
    Clock clock = new Clock();
    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.of(bootstrapServers))
        .groupId("bench-sdk-" + UUID.randomUUID())
        .topics(topic)
        .onFailure(FailureConfig.skip()) // every record is valid; no dead-letter topic to check
        .on(BenchEvents.TYPE, event -> clock.tick())
        .build()
        .start();
    try {
      return clock.awaitRate(events);
    } finally {
      subscriber.close();
    }
  }

  double raw(String topic, int events, RawPollLoop.Reading reading, Function<byte[], BenchEvents.Job> payloads)
      throws InterruptedException {
    Clock clock = new Clock();
    Map<String, Object> properties = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Thread loop = new Thread(new RawPollLoop(
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        topic, reading, payloads, job -> clock.tick(), () -> clock.count() >= events), "bench-raw-poll-loop");
    loop.start();
    double rate = clock.awaitRate(events);
    loop.join();
    return rate;
  }

  /** Counts handled records and times first to last. */
  private static final class Clock {
    private final AtomicLong count = new AtomicLong();
    private volatile long first;
    private volatile long last;

    void tick() {
      long now = System.nanoTime();
      if (count.getAndIncrement() == 0) {
        first = now;
      }
      last = now;
    }

    long count() {
      return count.get();
    }

    double awaitRate(int events) throws InterruptedException {
      while (count.get() < events) {
        Thread.sleep(5);
      }
      return (events - 1) / ((last - first) / 1e9);
    }
  }
}
