package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.DeadLetterException;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.HandlerRetryConfig;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;
import org.lfenergy.sogno.sdk.kafka.MessagingException;
import org.lfenergy.sogno.sdk.kafka.MessagingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one record: read its CloudEvents attributes, look its type up in the allow-list,
 * read the payload, call the handler with retries, and dead-letter it when that fails. Invalid
 * records (no CloudEvent, unknown or missing type, unreadable payload) are dead-lettered at once.
 * A dead-letter write that fails is tried again, {@code deadLetterAttempts} times in all, then
 * {@link DeadLetterException} stops the consumer: never an endless loop on one record. Shared by a
 * subscriber's consumers; thread-safe.
 */
public final class RecordProcessor {
  private static final Logger log = LoggerFactory.getLogger(RecordProcessor.class);
  static final String UNKNOWN_TYPE_TAG = "unknown";

  /** What became of a record. */
  enum Outcome {
    /** The handler succeeded: commit. */
    HANDLED,
    /** It is on the dead-letter topic: commit. */
    DEAD_LETTERED,
    /** The partition was revoked or the consumer is closing: leave it to the next owner. */
    ABANDONED
  }

  /** Waits between attempts while the consumer keeps polling; false when the wait was cut short. */
  interface Waiter {
    boolean await(Duration wait, TopicPartition partition);
  }

  private final Map<String, HandlerRegistration<?>> handlers;
  private final SognoJson json;
  private final HandlerRetryConfig retry;
  private final DeadLetterWriter deadLetters;
  private final MessagingMetrics metrics;
  private final int deadLetterAttempts;

  public RecordProcessor(Map<String, HandlerRegistration<?>> handlers, SognoJson json, HandlerRetryConfig retry,
      DeadLetterWriter deadLetters, MessagingMetrics metrics, int deadLetterAttempts) {
    this.handlers = Map.copyOf(handlers);
    this.json = json;
    this.retry = retry;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.deadLetterAttempts = deadLetterAttempts;
  }

  Outcome process(ConsumerRecord<byte[], byte[]> record, Waiter waiter) {
    long started = System.nanoTime();
    HandlerRegistration<?> registration;
    Event<?> event;
    try {
      CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(record.headers());
      registration = handlers.get(attributes.type);
      if (registration == null) {
        throw new InvalidEventException(InvalidEventException.Reason.UNKNOWN_TYPE,
            "event type " + attributes.type + " is not registered with this subscriber", null);
      }
      event = registration.decode(attributes, record, json);
    } catch (InvalidEventException invalid) {
      return deadLetter(record, invalid, 0, UNKNOWN_TYPE_TAG, started, waiter);
    }
    return handle(record, registration, event, waiter, started);
  }

  @SuppressWarnings("unchecked")
  private <T> Outcome handle(ConsumerRecord<byte[], byte[]> record, HandlerRegistration<T> registration,
      Event<?> event, Waiter waiter, long started) {
    long firstAttempt = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      Exception failure;
      try {
        registration.handle((Event<T>) event, attempt);
        metrics.handled(record.topic(), registration.typeName(), "success", System.nanoTime() - started);
        return Outcome.HANDLED;
      } catch (Exception e) {
        failure = e;
      }
      Duration backoff = retry.backoff().delay(attempt);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - firstAttempt);
      if (!retry.backoff().permitsRetry(attempt, elapsed, backoff) || !retry.isRetryable(failure)) {
        return deadLetter(record, failure, attempt, registration.typeName(), started, waiter);
      }
      metrics.retried(record.topic(), registration.typeName());
      log.debug("Handler for {} failed (attempt {}), retrying in {} ms: {}",
          DeadLetterWriter.where(record), attempt, backoff.toMillis(), Redaction.redactText(failure.toString()));
      if (!waiter.await(backoff, new TopicPartition(record.topic(), record.partition()))) {
        return Outcome.ABANDONED;
      }
    }
  }

  /**
   * @throws DeadLetterException when the dead-letter topic refused every attempt
   */
  private Outcome deadLetter(ConsumerRecord<byte[], byte[]> record, Exception failure, int attempts,
      String typeTag, long started, Waiter waiter) {
    for (int write = 1; ; write++) {
      try {
        deadLetters.write(record, failure, attempts);
        break;
      } catch (MessagingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        metrics.deadLetterFailed(record.topic(), cause.getClass().getSimpleName());
        if (write >= deadLetterAttempts) {
          throw new DeadLetterException(e.getMessage() + " (" + write + " attempts); the record stays uncommitted", cause);
        }
        log.warn("{}; dead-letter attempt {} of {}", e.getMessage(), write, deadLetterAttempts);
        if (!waiter.await(deadLetterPause(), new TopicPartition(record.topic(), record.partition()))) {
          return Outcome.ABANDONED;
        }
      }
    }
    metrics.deadLettered(record.topic(), failure.getClass().getSimpleName());
    metrics.handled(record.topic(), typeTag, "dead-lettered", System.nanoTime() - started);
    log.warn("Dead-lettered {} after {} attempt(s): {}", DeadLetterWriter.where(record), attempts,
        Redaction.redactText(failure.toString()));
    return Outcome.DEAD_LETTERED;
  }

  /** The pause between dead-letter writes: the handler backoff's first base wait, at least 1 ms. */
  private Duration deadLetterPause() {
    Duration first = retry.backoff().baseDelay(1);
    return first.isZero() ? Duration.ofMillis(1) : first;
  }
}
