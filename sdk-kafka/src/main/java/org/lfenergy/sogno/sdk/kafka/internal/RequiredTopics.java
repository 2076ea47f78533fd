package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.kafka.MessagingException;
import org.lfenergy.sogno.sdk.kafka.TopicMissingException;
import org.lfenergy.sogno.sdk.kafka.TopicProvisioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check a subscriber makes before its consumers run: every topic it reads exists, and so does
 * every dead-letter topic its failure configuration names, or the subscriber creates those when told
 * to. The topic list comes from one of the subscriber's own consumers ({@code listTopics}), which
 * never creates a topic and logs nothing about missing ones; so the check needs no other client, and
 * works on a consumer double.
 */
public final class RequiredTopics {
  private static final Logger log = LoggerFactory.getLogger(RequiredTopics.class);

  private RequiredTopics() {}

  /**
   * @throws TopicMissingException naming the missing topics, if a topic to read is missing, or a
   *     dead-letter topic is missing and not to be created
   * @throws MessagingException if Kafka did not list its topics within {@code timeout}
   * @throws TopicProvisioningException if a dead-letter topic to be created could not be
   */
  public static void check(Consumer<byte[], byte[]> consumer, List<String> topics, FailureConfig failures,
      KafkaConfig settings, Duration timeout) {
    Set<String> existing = existing(consumer, timeout);
    List<String> missing = missing(topics, existing);
    if (!missing.isEmpty()) {
      throw new TopicMissingException("Topic(s) " + missing + " do not exist (or this principal may not describe "
          + "them). A subscriber does not create the "
          + "topics it reads: create them first (TopicProvisioner, or whoever owns them), then start it.", missing);
    }
    if (failures.action() != FailureConfig.Action.DEAD_LETTER) {
      return;
    }
    Set<String> deadLetterTopics = new LinkedHashSet<>();
    topics.forEach(topic -> deadLetterTopics.add(failures.deadLetterTopicOf(topic)));
    List<String> missingDeadLetter = missing(deadLetterTopics, existing);
    if (missingDeadLetter.isEmpty()) {
      return;
    }
    if (!failures.createsMissingDeadLetterTopics()) {
      throw new TopicMissingException("Dead-letter topic(s) " + missingDeadLetter + " do not exist (or this "
          + "principal may not describe them), and the SDK "
          + "creates none unless told to. Create them; or, for topics this service owns, set "
          + "FailureConfig.builder().createMissingDeadLetterTopics(true); or choose FailureConfig.skip() or "
          + "FailureConfig.stop() for topics it does not own.", missingDeadLetter);
    }
    create(missingDeadLetter, settings, timeout);
  }

  private static Set<String> existing(Consumer<byte[], byte[]> consumer, Duration timeout) {
    try {
      return consumer.listTopics(timeout).keySet();
    } catch (KafkaException e) {
      throw new MessagingException("Cannot list the topics of Kafka to check the subscriber's topics (within "
          + timeout + "): " + e, e);
    }
  }

  private static List<String> missing(Iterable<String> topics, Set<String> existing) {
    List<String> missing = new ArrayList<>();
    topics.forEach(topic -> {
      if (!existing.contains(topic)) {
        missing.add(topic);
      }
    });
    return missing;
  }

  /** Creates topics with the broker's default partitions and replication factor. */
  private static void create(List<String> names, KafkaConfig settings, Duration timeout) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put("client.id", ProducerProperties.clientId(settings, "dlt-provisioner"));
    List<NewTopic> topics = new ArrayList<>();
    names.forEach(name -> topics.add(new NewTopic(name, Optional.empty(), Optional.empty())));
    try (Admin admin = Admin.create(properties)) {
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created
          : admin.createTopics(topics).values().entrySet()) {
        try {
          created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          log.info("Created dead-letter topic {} (createMissingDeadLetterTopics)", created.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new TopicProvisioningException("Cannot create dead-letter topic " + created.getKey() + ": "
                + e.getCause(), e.getCause());
          }
        } catch (java.util.concurrent.TimeoutException e) {
          throw new TopicProvisioningException("Dead-letter topic " + created.getKey() + " was not created within "
              + timeout, e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TopicProvisioningException("Interrupted while creating dead-letter topic " + created.getKey(), e);
        }
      }
    }
  }
}
