package org.lfenergy.sogno.sdk.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.internal.MessagingMeters;
import org.lfenergy.sogno.sdk.kafka.internal.MessagingTelemetry;

/**
 * The producer behind {@link EventPublisher} and {@link JsonPublisher}: writes a payload, sends the
 * record under its publish span (its trace context injected into the headers), measures it and turns
 * the producer's answer into a {@link PublishResult} or the SDK's publish exceptions. Thread-safe.
 */
final class RecordSender implements AutoCloseable {
  private static final int RECORD_OVERHEAD_BYTES = 90;

  private final Producer<String, byte[]> producer;
  private final SognoJson json;
  private final MessagingTelemetry telemetry;
  private final MessagingMeters metrics;
  private final int maxRequestSize;

  RecordSender(Map<String, Object> properties, SognoJson json, MessagingTelemetry telemetry) {
    this.maxRequestSize = Integer.parseInt(String.valueOf(
        properties.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024)));
    this.producer = new KafkaProducer<>(properties);
    this.json = json;
    this.telemetry = telemetry;
    this.metrics = telemetry.meters();
  }

  /** Starts the publish span of a record to {@code topic}; {@code id} is the event id or null. */
  MessagingTelemetry.Publish publishing(String topic, String id) {
    return telemetry.publishing(topic, id);
  }

  /**
   * The payload as JSON; null for a null payload.
   *
   * @throws EventSerializationException if it cannot be written (measured, and the span ended, as a
   *     failed publish)
   */
  byte[] serialize(String topic, String id, String typeTag, Object payload, long started,
      MessagingTelemetry.Publish span) {
    try {
      return payload == null ? null : json.write(payload);
    } catch (JsonException e) {
      metrics.published(topic, typeTag, false, System.nanoTime() - started);
      span.ended(null, e);
      throw new EventSerializationException(topic, id, e);
    }
  }

  /**
   * Sends without waiting, {@code span}'s trace context in the record's headers; the future completes
   * on the producer's I/O thread.
   *
   * @param id the event id ({@code ce_id}), or {@code null} for a plain-JSON record
   * @param typeTag the {@code type} tag of the publish meter
   */
  CompletableFuture<PublishResult> send(ProducerRecord<String, byte[]> record, String id, String typeTag,
      long started, MessagingTelemetry.Publish span) {
    span.inject(record.headers());
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> complete(result, record, id, typeTag, metadata, error, started, span));
    } catch (RuntimeException e) {
      complete(result, record, id, typeTag, null, e, started, span);
    }
    return result;
  }

  /** Waits for a send; the SDK's exceptions unwrapped. */
  static PublishResult await(CompletableFuture<PublishResult> result, String topic, String id) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("Interrupted while publishing " + describe(id) + " to " + topic, topic, id, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MessagingException) {
        throw (MessagingException) e.getCause();
      }
      throw new PublishException("Cannot publish " + describe(id) + " to " + topic, topic, id, e.getCause());
    }
  }

  void flush() {
    producer.flush();
  }

  void close(Duration timeout) {
    producer.close(timeout);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void complete(CompletableFuture<PublishResult> result, ProducerRecord<String, byte[]> record, String id,
      String typeTag, RecordMetadata metadata, Exception error, long started, MessagingTelemetry.Publish span) {
    String topic = record.topic();
    metrics.published(topic, typeTag, error == null, System.nanoTime() - started);
    span.ended(metadata, error);
    if (error == null) {
      result.complete(new PublishResult(id, metadata.topic(), metadata.partition(), metadata.offset(),
          Instant.ofEpochMilli(metadata.timestamp())));
    } else if (error instanceof RecordTooLargeException) {
      long size = sizeOf(record);
      result.completeExceptionally(
          new EventTooLargeException(topic, id, size, size > maxRequestSize ? maxRequestSize : -1, error));
    } else {
      result.completeExceptionally(new PublishException(
          "Cannot publish " + describe(id) + " to " + topic + ": " + error.getMessage(), topic, id, error));
    }
  }

  private static String describe(String id) {
    return id == null ? "a record" : id;
  }

  private static long sizeOf(ProducerRecord<String, byte[]> record) {
    long size = RECORD_OVERHEAD_BYTES;
    size += record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length;
    size += record.value() == null ? 0 : record.value().length;
    for (Header header : record.headers()) {
      size += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return size;
  }
}
