package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.internal.MessagingTelemetry;
import org.lfenergy.sogno.sdk.kafka.internal.ProducerProperties;
import org.lfenergy.sogno.sdk.kafka.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes plain JSON to Kafka, for consumers outside the SDK that expect it (Telegraf's
 * {@code kafka_consumer} with {@code data_format = "json"}, dashboards, other teams' services): the
 * record value is the payload written by {@link SognoJson}, the key the one given, and there is no
 * CloudEvents envelope and no header (but {@code traceparent}/{@code tracestate} when tracing is on). SDK services talking to each other use {@link EventPublisher}.
 *
 * <pre>{@code
 * try (JsonPublisher publisher = JsonPublisher.builder().kafka(KafkaConfig.fromEnvironment()).build()) {
 *   publisher.publish("dpsim.powerflow.output", "bus-7", measurement);
 * }
 * }</pre>
 *
 * <p>The same producer as {@link EventPublisher}: {@code acks=all}, {@code enable.idempotence=true}
 * (conflicting settings refused at build time), {@code lz4} and a 5 ms linger unless set with {@link
 * Builder#producerProperty}. Thread-safe; owns one {@code KafkaProducer}. Failures: {@link
 * EventSerializationException} before anything is sent, {@link EventTooLargeException}, {@link
 * PublishException} (their {@code eventId()} is {@code null}); the asynchronous variant completes its
 * future with them. Observability ({@link Builder#observability}, off by default): a {@code PRODUCER}
 * span {@code <topic> publish} per record, its W3C trace context in the record's headers, and the
 * meter {@code sogno.messaging.publish} with tag {@code type=json}.
 */
public final class JsonPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JsonPublisher.class);
  static final String TYPE_TAG = "json";

  private final RecordSender sender;

  private JsonPublisher(Builder builder) {
    Map<String, Object> properties = ProducerProperties.of(builder.settings, builder.producerProperties, "json-publisher");
    this.sender = new RecordSender(properties, builder.json, MessagingTelemetry.of(builder.observability));
    log.info("JSON publisher started with {}", Redaction.redact(properties));
  }

  /** A builder; {@link Builder#kafka} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Publishes {@code payload} as JSON under {@code key} and waits for the acknowledgement of all
   * in-sync replicas.
   *
   * @param key the record key (records of one key keep their order), or {@code null}
   * @param payload the value, written by the publisher's {@link SognoJson}; {@code null} sends a
   *     record without value (a tombstone)
   * @throws EventSerializationException if the payload cannot be written as JSON
   * @throws EventTooLargeException if the record is larger than the size limit
   * @throws PublishException if the broker refused it or did not acknowledge it in time
   */
  public PublishResult publish(String topic, String key, Object payload) {
    return RecordSender.await(publishAsync(topic, key, payload), topic, null);
  }

  /**
   * Publishes without waiting; the future completes on the producer's I/O thread.
   *
   * @throws EventSerializationException at once if the payload cannot be written as JSON
   */
  public CompletableFuture<PublishResult> publishAsync(String topic, String key, Object payload) {
    Objects.requireNonNull(topic, "topic");
    long started = System.nanoTime();
    MessagingTelemetry.Publish span = sender.publishing(topic, null);
    byte[] value = sender.serialize(topic, null, TYPE_TAG, payload, started, span);
    return sender.send(new ProducerRecord<>(topic, key, value), null, TYPE_TAG, started, span);
  }

  /** Sends every buffered record and waits for their acknowledgements. */
  public void flush() {
    sender.flush();
  }

  /** Sends what is buffered (waiting up to 30 s) and releases the producer. */
  @Override
  public void close() {
    sender.close();
  }

  /** Sends what is buffered, waiting up to {@code timeout}, and releases the producer. */
  public void close(Duration timeout) {
    sender.close(timeout);
  }

  /** Settings of a {@link JsonPublisher}. Not thread-safe. */
  public static final class Builder {
    private KafkaConfig settings;
    private SognoJson json = SognoJson.defaults();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private final Map<String, String> producerProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Where Kafka is. Required. */
    public Builder kafka(KafkaConfig settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** How payloads are written; default {@link SognoJson#defaults()} (RFC 3339 times, null members left out). */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Where meters and spans go; default {@link ObservabilityConfig#defaults()} (none). */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /**
     * Any producer property ({@code compression.type}, {@code linger.ms}, {@code batch.size}, ...);
     * the same rules as for {@link EventPublisher.Builder#producerProperty}.
     */
    public Builder producerProperty(String name, String value) {
      producerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @throws IllegalArgumentException if the settings are missing or a producer property conflicts
     *     with the SDK's delivery guarantee
     */
    public JsonPublisher build() {
      if (settings == null) {
        throw new IllegalArgumentException("settings are required: KafkaConfig.of(...) or fromEnvironment()");
      }
      return new JsonPublisher(this);
    }
  }
}
