package org.lfenergy.sogno.sdk.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.internal.CloudEventHeaders;
import org.lfenergy.sogno.sdk.kafka.internal.MessagingTelemetry;
import org.lfenergy.sogno.sdk.kafka.internal.ProducerProperties;
import org.lfenergy.sogno.sdk.kafka.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes typed events to Kafka as CloudEvents 1.0 in binary mode: the payload is JSON written by
 * the SDK's {@link SognoJson}, the attributes travel as {@code ce_*} headers, the key comes from the
 * {@link KeyStrategy} (default: the event's subject, so events about one resource keep their order).
 *
 * <pre>{@code
 * try (EventPublisher publisher = EventPublisher.builder()
 *     .kafka(KafkaConfig.fromEnvironment())
 *     .source(URI.create("/sogno/powerflow"))
 *     .build()) {
 *   publisher.publish(JobEvents.TOPIC, Event.of(JobEvents.stateChanged(Job.class), job).subject(job.id()).build());
 * }
 * }</pre>
 *
 * <p>The producer runs with {@code acks=all} and {@code enable.idempotence=true}, set explicitly
 * (conflicting settings are refused at build time), {@code lz4} compression and a 5 ms linger by
 * default. Thread-safe: share one publisher per application; it owns one {@code KafkaProducer}.
 *
 * <p>Observability ({@link Builder#observability}, off by default): a {@code PRODUCER} span {@code
 * <topic> publish} per event, its W3C trace context sent as {@code traceparent}/{@code tracestate}
 * headers, and the {@code sogno.messaging.publish} timer.
 *
 * <p>Failures: {@link EventSerializationException} when the payload cannot be written as JSON
 * (thrown before anything is sent), {@link EventTooLargeException} when the record exceeds the
 * producer's or broker's size limit, {@link PublishException} for any other refusal or timeout
 * ({@code delivery.timeout.ms}, default 2 minutes). The asynchronous variant completes its future
 * with the same exceptions.
 */
public final class EventPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
  private final RecordSender sender;
  private final URI source;
  private final KeyStrategy keyStrategy;

  private EventPublisher(Builder builder) {
    Map<String, String> overrides = new LinkedHashMap<>(builder.producerProperties);
    overrides.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, builder.compression);
    overrides.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(builder.linger.toMillis()));
    Map<String, Object> properties = ProducerProperties.of(builder.settings, overrides, "publisher");
    this.sender = new RecordSender(properties, builder.json, MessagingTelemetry.of(builder.observability));
    this.source = builder.source;
    this.keyStrategy = builder.keyStrategy;
    log.info("Event publisher for {} started with {}", source, Redaction.redact(properties));
  }

  /** A builder; {@link Builder#settings} and {@link Builder#source} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Publishes and waits for the broker's acknowledgement from all in-sync replicas.
   *
   * @throws EventSerializationException if the payload cannot be written as JSON
   * @throws EventTooLargeException if the record is larger than the size limit
   * @throws PublishException if the broker refused it or did not acknowledge it in time
   */
  public PublishResult publish(String topic, Event<?> event) {
    return RecordSender.await(publishAsync(topic, event), topic, event.id());
  }

  /** Shortcut for {@code publish(topic, Event.of(type, data).build())}. */
  public <T> PublishResult publish(String topic, EventType<T> type, T data) {
    return publish(topic, Event.of(type, data).build());
  }

  /**
   * Publishes without waiting. The future completes on the producer's I/O thread: keep callbacks
   * short, or continue with the {@code ...Async} methods of {@link CompletableFuture}.
   *
   * @throws EventSerializationException at once if the payload cannot be written as JSON
   */
  public CompletableFuture<PublishResult> publishAsync(String topic, Event<?> event) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(event, "event");
    long started = System.nanoTime();
    MessagingTelemetry.Publish span = sender.publishing(topic, event.id());
    byte[] value = sender.serialize(topic, event.id(), event.type(), event.data(), started, span);
    Headers headers = CloudEventHeaders.write(event, event.source().orElse(source));
    String key = keyStrategy.keyFor(event);
    return sender.send(new ProducerRecord<>(topic, null, key, value, headers), event.id(), event.type(), started,
        span);
  }

  /** Sends every buffered event and waits for their acknowledgements. */
  public void flush() {
    sender.flush();
  }

  /** Sends what is buffered (waiting up to 30 s) and releases the producer. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** Sends what is buffered, waiting up to {@code timeout}, and releases the producer. */
  public void close(Duration timeout) {
    sender.close(timeout);
  }

  /** Settings of an {@link EventPublisher}. Not thread-safe. */
  public static final class Builder {
    private KafkaConfig settings;
    private URI source;
    private SognoJson json = SognoJson.defaults();
    private KeyStrategy keyStrategy = KeyStrategy.SUBJECT;
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private String compression = ProducerProperties.DEFAULT_COMPRESSION;
    private Duration linger = Duration.ofMillis(ProducerProperties.DEFAULT_LINGER_MS);
    private final Map<String, String> producerProperties = new LinkedHashMap<>();

    private Builder() {}

    /** Where Kafka is. Required. */
    public Builder kafka(KafkaConfig settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** {@code ce_source} of events that do not name their own, e.g. {@code /sogno/powerflow}. Required. */
    public Builder source(URI source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The JSON configuration for payloads; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** How events map to record keys; default {@link KeyStrategy#SUBJECT}. */
    public Builder keyStrategy(KeyStrategy keyStrategy) {
      this.keyStrategy = Objects.requireNonNull(keyStrategy, "keyStrategy");
      return this;
    }

    /**
     * Where meters and spans go; default {@link ObservabilityConfig#defaults()} (none). The same value
     * as the application's other SDK components.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /** {@code compression.type}: {@code none}, {@code gzip}, {@code snappy}, {@code lz4} (default), {@code zstd}. */
    public Builder compression(String compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /** {@code linger.ms}: how long the producer waits to fill a batch; default 5 ms. */
    public Builder linger(Duration linger) {
      if (linger.isNegative()) {
        throw new IllegalArgumentException("linger must not be negative: " + linger);
      }
      this.linger = linger;
      return this;
    }

    /**
     * Any other producer property ({@code batch.size}, {@code delivery.timeout.ms}, ...).
     * {@code acks} other than {@code all}, {@code enable.idempotence} other than {@code true},
     * serializers and {@code transactional.id} are refused by {@link #build()}.
     */
    public Builder producerProperty(String name, String value) {
      producerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @throws IllegalArgumentException if settings or source are missing, or a producer property
     *     conflicts with the SDK's delivery guarantee
     */
    public EventPublisher build() {
      if (settings == null) {
        throw new IllegalArgumentException("settings are required: KafkaConfig.of(...) or fromEnvironment()");
      }
      if (source == null) {
        throw new IllegalArgumentException("source is required: the URI that identifies this service as event source");
      }
      return new EventPublisher(this);
    }
  }
}
