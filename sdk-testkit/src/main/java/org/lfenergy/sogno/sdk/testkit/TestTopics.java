package org.lfenergy.sogno.sdk.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Topic chores for tests on an {@link EmbeddedKafkaBroker}: create (and wait until every partition
 * has a leader), delete, list, count and read back records.
 *
 * <p>Thread-safe. Methods throw {@link IllegalStateException} when the broker does not answer within
 * {@value #TIMEOUT_SECONDS} seconds, and {@link AssertionError} when records a test waits for do not
 * arrive.
 */
public final class TestTopics {
  static final int TIMEOUT_SECONDS = 30;

  private final Supplier<String> bootstrapServers;
  private Admin admin;

  TestTopics(Supplier<String> bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** A topic name no other test uses: {@code prefix-<random>}. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a topic with one partition; see {@link #create(String, int, Map)}. */
  public void create(String name) {
    create(name, 1, Map.of());
  }

  /** Creates a topic with {@code partitions} partitions; see {@link #create(String, int, Map)}. */
  public void create(String name, int partitions) {
    create(name, partitions, Map.of());
  }

  /**
   * Creates a topic (replication factor 1) with topic configs such as {@code cleanup.policy}, and
   * returns once every partition has a leader. An existing topic is left as it is.
   */
  public void create(String name, int partitions, Map<String, String> configs) {
    NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
    try {
      await(admin().createTopics(List.of(topic)).all());
    } catch (IllegalStateException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    awaitLeaders(name, partitions);
  }

  /** Deletes topics; unknown ones are an error. */
  public void delete(String... names) {
    await(admin().deleteTopics(List.of(names)).all());
  }

  /** Names of the topics users created (internal topics left out). */
  public Set<String> names() {
    return await(admin().listTopics().names());
  }

  /** Partition count of an existing topic. */
  public int partitionCount(String name) {
    return describe(name).partitions().size();
  }

  /** Sum of the end offsets of the topic's partitions: the records ever appended to it. */
  public long endOffsetSum(String name) {
    try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
      return consumer.endOffsets(partitionsOf(consumer, name)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  /**
   * Reads the topic from its start, without a consumer group, until {@code count} records arrived.
   *
   * @throws AssertionError if fewer arrive within {@code timeout}; the message says how many did
   */
  public List<ConsumerRecord<byte[], byte[]>> read(String name, int count, Duration timeout) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
      List<TopicPartition> partitions = partitionsOf(consumer, name);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    if (records.size() < count) {
      throw new AssertionError(
          "expected " + count + " records on " + name + " within " + timeout + ", got " + records.size());
    }
    return records;
  }

  synchronized void disconnect() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }

  private TopicDescription describe(String name) {
    return await(admin().describeTopics(List.of(name)).allTopicNames()).get(name);
  }

  private void awaitLeaders(String name, int partitions) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      try {
        TopicDescription description = describe(name);
        if (description.partitions().size() >= partitions
            && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          awaitLeadersServing(name);
          return;
        }
      } catch (IllegalStateException notYetVisible) {
        // metadata propagates asynchronously from the controller; ask again
      }
      sleepBriefly();
    }
    throw new IllegalStateException("topic " + name + " has no leader for every partition");
  }

  /**
   * The controller names leaders before the broker acts as one; a producer writing in between gets
   * NOT_LEADER_OR_FOLLOWER and, idempotent, may then stall on out-of-order sequences. Listing end
   * offsets is a leader-only request that the consumer retries until every leader serves.
   */
  private void awaitLeadersServing(String name) {
    try (KafkaConsumer<byte[], byte[]> consumer = newConsumer()) {
      consumer.endOffsets(partitionsOf(consumer, name), Duration.ofSeconds(TIMEOUT_SECONDS));
    }
  }

  private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String name) {
    return consumer.partitionsFor(name, Duration.ofSeconds(TIMEOUT_SECONDS)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .collect(Collectors.toList());
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get()));
    }
    return admin;
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the broker did not answer within " + TIMEOUT_SECONDS + " s", e);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
