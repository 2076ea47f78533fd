package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/** The consumer configuration of subscribers. */
public final class ConsumerProperties {
  public static final int DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

  private ConsumerProperties() {}

  /**
   * Defaults ({@code auto.offset.reset=earliest}, {@code allow.auto.create.topics=false}), settings, overrides, then what the SDK insists
   * on: manual commits, byte-array deserializers (payloads are read by the SDK, after the type
   * check), the group id.
   *
   * @throws IllegalArgumentException if the overrides enable auto commit, set deserializers or
   *     another group id
   */
  public static Map<String, Object> of(KafkaConfig settings, Map<String, String> overrides, String groupId, String role) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Reading a topic never creates it (the subscriber checks at start that its topics exist).
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.putAll(settings.properties());
    properties.putAll(overrides);
    Object autoCommit = properties.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
    if (autoCommit != null && !"false".equals(autoCommit.toString().trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "enable.auto.commit=" + autoCommit + " conflicts with at-least-once delivery: subscribers commit "
              + "an offset only after its event was handled");
    }
    for (String owned : new String[] {ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG}) {
      if (properties.containsKey(owned)) {
        throw new IllegalArgumentException(owned + " is set by the SDK and cannot be configured");
      }
    }
    Object group = properties.get(ConsumerConfig.GROUP_ID_CONFIG);
    if (group != null && !group.toString().equals(groupId)) {
      throw new IllegalArgumentException("group.id=" + group + " conflicts with the subscriber's group " + groupId);
    }
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, ProducerProperties.clientId(settings, role));
    return properties;
  }

  /**
   * @throws IllegalArgumentException if a retry policy's worst-case wait for one record does not fit in
   *     {@code max.poll.interval.ms}
   */
  public static void requireFits(Map<String, Object> properties, java.time.Duration worstCaseRetryWait) {
    long budget = maxPollIntervalMs(properties);
    long worstCase = worstCaseRetryWait.toMillis();
    if (worstCase >= budget) {
      throw new IllegalArgumentException("the retry policy may wait " + worstCase + " ms for one event, not less than "
          + "max.poll.interval.ms=" + budget + "; lower the attempts or backoff, or raise max.poll.interval.ms");
    }
  }

  private static int maxPollIntervalMs(Map<String, Object> properties) {
    Object value = properties.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
    return value == null ? DEFAULT_MAX_POLL_INTERVAL_MS : Integer.parseInt(value.toString().trim());
  }
}
