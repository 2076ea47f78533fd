package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** The partitions of a topic, waiting for a topic created a moment ago to show up in the metadata. */
public final class Partitions {
  private Partitions() {}

  /** @throws TimeoutException if the topic has no partitions within {@code timeout} */
  public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .collect(Collectors.toList());
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Topic " + topic + " has no partitions after " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TimeoutException("Interrupted waiting for topic " + topic);
      }
    }
  }
}
