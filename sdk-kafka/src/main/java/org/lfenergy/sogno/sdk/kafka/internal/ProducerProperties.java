package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/** The producer configuration every SDK producer (publishers, dead-letter writers) runs with. */
public final class ProducerProperties {
  public static final String DEFAULT_COMPRESSION = "lz4";
  public static final int DEFAULT_LINGER_MS = 5;

  private ProducerProperties() {}

  /**
   * Settings, then the caller's overrides, then what the SDK insists on. {@code acks=all} and
   * {@code enable.idempotence=true} are set explicitly: a caller asking for anything else gets an
   * exception here rather than a producer that may lose or duplicate events.
   *
   * @throws IllegalArgumentException on a conflicting {@code acks}, {@code enable.idempotence} or
   *     serializer setting
   */
  public static Map<String, Object> of(KafkaConfig settings, Map<String, String> overrides, String role,
      Class<?> keySerializer) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(DEFAULT_LINGER_MS));
    properties.putAll(settings.properties());
    properties.putAll(overrides);
    requireValue(properties, ProducerConfig.ACKS_CONFIG, "all", "-1");
    requireValue(properties, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    refuse(properties, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    refuse(properties, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    refuse(properties, ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(settings, role));
    return properties;
  }

  public static Map<String, Object> of(KafkaConfig settings, Map<String, String> overrides, String role) {
    return of(settings, overrides, role, StringSerializer.class);
  }

  public static String clientId(KafkaConfig settings, String role) {
    String prefix = settings.properties().getOrDefault("client.id", "sogno");
    return prefix + "-" + role;
  }

  private static void requireValue(Map<String, Object> properties, String name, String... allowed) {
    Object value = properties.get(name);
    if (value == null) {
      return;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(text)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        name + "=" + value + " conflicts with the SDK's delivery guarantee: publishers always run with "
            + name + "=" + allowed[0] + " (no lost or duplicated events on retries)");
  }

  private static void refuse(Map<String, Object> properties, String name) {
    if (properties.containsKey(name)) {
      throw new IllegalArgumentException(name + " is set by the SDK and cannot be configured");
    }
  }
}
