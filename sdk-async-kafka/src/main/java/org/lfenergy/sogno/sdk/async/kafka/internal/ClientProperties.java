package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/** The Kafka client settings of the distributed job runtime's producers and consumers. */
public final class ClientProperties {
  private ClientProperties() {}

  /** Fetches of the state reader answer once this much has gathered, or after the state fetch wait. */
  static final int STATE_FETCH_MIN_BYTES = 64 * 1024;

  /**
   * Durable writes: {@code acks=all}, idempotence, {@code linger.ms} = {@code linger} (each write is
   * awaited, so a short one), each bounded by {@code writeTimeout}: waiting for metadata or buffer
   * space ({@code max.block.ms}) and the whole delivery ({@code delivery.timeout.ms}, so a write
   * reported failed is not retried later; Kafka wants it at least linger + request timeout).
   */
  public static Map<String, Object> producer(KafkaConfig settings, String clientId, Duration writeTimeout,
      Duration linger) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    int millis = (int) writeTimeout.toMillis();
    int lingerMillis = (int) linger.toMillis();
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis - lingerMillis);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return properties;
  }

  /** A consumer without a group: partitions are assigned by the caller, nothing is committed. */
  public static Map<String, Object> reader(KafkaConfig settings, String clientId) {
    Map<String, Object> properties = deserializing(settings, clientId);
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return properties;
  }

  /**
   * A {@link #reader} of the job state topic whose fetches the broker answers once 64 KiB of records
   * gathered or after {@code fetchWait}: under load one fetch brings the state changes of many jobs;
   * zero answers as soon as there is a record.
   */
  public static Map<String, Object> stateReader(KafkaConfig settings, String clientId, Duration fetchWait) {
    Map<String, Object> properties = reader(settings, clientId);
    if (!fetchWait.isZero()) {
      properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, STATE_FETCH_MIN_BYTES);
      properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis());
    }
    return properties;
  }

  /**
   * A share consumer of {@code group} taking up to {@code records} records per poll and acknowledging
   * explicitly. A
   * consumer not polled for {@code maxPollInterval} (its worker hung or died) leaves the group, so its
   * partitions go to the live workers.
   */
  public static Map<String, Object> shareConsumer(KafkaConfig settings, String group, String clientId,
      Duration maxPollInterval, int records) {
    Map<String, Object> properties = deserializing(settings, clientId);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    properties.put("share.acknowledgement.mode", "explicit");
    properties.put("share.acquire.mode", "record_limit");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, records);
    properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
    properties.remove(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    properties.remove(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
    return properties;
  }

  private static Map<String, Object> deserializing(KafkaConfig settings, String clientId) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return properties;
  }
}
