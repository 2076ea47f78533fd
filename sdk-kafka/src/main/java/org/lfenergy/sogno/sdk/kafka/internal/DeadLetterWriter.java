package org.lfenergy.sogno.sdk.kafka.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lfenergy.sogno.sdk.kafka.DeadLetterHeaders;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.kafka.MessagingException;

/**
 * Sends records a subscriber gives up on to their dead-letter topic and waits for the ack. A send
 * waits for the topic's metadata at most the send timeout ({@code max.block.ms}, unless set), so a
 * dead-letter topic deleted after the subscriber started fails the write instead of blocking for a
 * minute; {@link #close()} ends a write still waiting, which then fails like any other.
 */
public final class DeadLetterWriter implements AutoCloseable {
  private static final Set<String> ORIGIN = Set.of(DeadLetterHeaders.ORIGINAL_TOPIC,
      DeadLetterHeaders.ORIGINAL_PARTITION, DeadLetterHeaders.ORIGINAL_OFFSET, DeadLetterHeaders.ORIGINAL_TIMESTAMP);

  private final KafkaConfig settings;
  private final Map<String, String> overrides;
  private Producer<byte[], byte[]> producer;
  private boolean closed;
  private final UnaryOperator<String> naming;
  private final String groupId;
  private final Duration sendTimeout;

  public DeadLetterWriter(KafkaConfig settings, Map<String, String> overrides, UnaryOperator<String> naming,
      String groupId, Duration sendTimeout) {
    this.settings = settings;
    this.overrides = Map.copyOf(overrides);
    this.naming = naming;
    this.groupId = groupId;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Writes the record with its failure and waits for the broker's acknowledgement.
   *
   * @throws MessagingException if the dead-letter topic did not take it; the caller must not commit
   */
  public void write(ConsumerRecord<byte[], byte[]> record, Throwable failure, int attempts) {
    String topic = naming.apply(record.topic());
    ProducerRecord<byte[], byte[]> dead =
        new ProducerRecord<>(topic, null, record.key(), record.value(), headers(record, failure, attempts, groupId));
    try {
      producer().send(dead).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (KafkaException e) { // thrown by send itself, e.g. the producer closed while it waited for metadata
      throw new MessagingException("Cannot dead-letter " + where(record) + " to " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessagingException("Interrupted while dead-lettering " + where(record), e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new MessagingException("Cannot dead-letter " + where(record) + " to " + topic + ": " + cause, cause);
    }
  }

  /**
   * Closes the producer, letting writes already sent finish (up to 10 s); writes after this fail with
   * {@link MessagingException}.
   */
  @Override
  public void close() {
    Producer<byte[], byte[]> open;
    synchronized (this) {
      closed = true;
      open = producer;
    }
    if (open != null) {
      open.close(Duration.ofSeconds(10));
    }
  }

  /** Created on the first dead letter: a healthy subscriber never opens a producer. */
  private synchronized Producer<byte[], byte[]> producer() {
    if (closed) {
      throw new MessagingException("The subscriber is closing; nothing more is dead-lettered", null);
    }
    if (producer == null) {
      Map<String, String> properties = new HashMap<>(overrides);
      properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(sendTimeout.toMillis()));
      producer = new KafkaProducer<>(
          ProducerProperties.of(settings, properties, groupId + "-dlt", ByteArraySerializer.class));
    }
    return producer;
  }

  /**
   * Original headers without earlier dead-letter headers, the first origin kept, then this failure:
   * its message and stack trace with secrets masked ({@link Redaction#redactText}), then bounded.
   */
  static Headers headers(ConsumerRecord<byte[], byte[]> record, Throwable failure, int attempts, String groupId) {
    HeaderList headers = new HeaderList();
    Set<String> keptOrigin = new HashSet<>();
    for (Header header : record.headers()) {
      if (ORIGIN.contains(header.key()) && keptOrigin.add(header.key())) {
        headers.add(header);
      } else if (!DeadLetterHeaders.ALL.contains(header.key())) {
        headers.add(header);
      }
    }
    if (keptOrigin.size() < ORIGIN.size()) {
      for (String name : ORIGIN) {
        headers.remove(name);
      }
      add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
      add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(record.partition()));
      add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(record.offset()));
      add(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, String.valueOf(record.timestamp()));
    }
    add(headers, DeadLetterHeaders.CONSUMER_GROUP, groupId);
    add(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
    add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE,
        truncateChars(Redaction.redactText(String.valueOf(failure.getMessage())), DeadLetterHeaders.MAX_MESSAGE_CHARS));
    headers.add(DeadLetterHeaders.EXCEPTION_STACK_TRACE,
        truncateUtf8(Redaction.redactText(stackTrace(failure)), DeadLetterHeaders.MAX_STACK_TRACE_BYTES));
    add(headers, DeadLetterHeaders.ATTEMPTS, String.valueOf(attempts));
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static String truncateChars(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** At most {@code maxBytes} bytes, cut at a character boundary. */
  static byte[] truncateUtf8(String text, int maxBytes) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return bytes;
    }
    int end = maxBytes;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return java.util.Arrays.copyOf(bytes, end);
  }

  static String where(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
