package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.DeadLetterException;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.HandlerRetryConfig;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;
import org.lfenergy.sogno.sdk.kafka.MessagingException;
import org.lfenergy.sogno.sdk.kafka.UnhandledRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one record: match it to its handler ({@link RecordRoutes}), call the handler with
 * retries, and when that fails, or the record cannot be read at all, do what the {@link
 * FailureConfig} says: dead-letter it, skip it, or stop. A dead-letter write that fails is tried
 * again, {@code deadLetterAttempts} times in all, then {@link DeadLetterException} stops the consumer:
 * never an endless loop on one record. Shared by a subscriber's consumers; thread-safe.
 */
public final class RecordProcessor {
  private static final Logger log = LoggerFactory.getLogger(RecordProcessor.class);
  static final String UNKNOWN_TYPE_TAG = "unknown";

  /** What became of a record. */
  enum Outcome {
    /** The handler succeeded: commit. */
    HANDLED("success"),
    /** It is on the dead-letter topic: commit. */
    DEAD_LETTERED("dead_lettered"),
    /** Given up on and skipped per the failure configuration: commit. */
    SKIPPED("skipped"),
    /** The partition was revoked or the consumer is closing: leave it to the next owner. */
    ABANDONED("abandoned");

    /** The {@code outcome} of the process meter and span. */
    final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }

    boolean commits() {
      return this != ABANDONED;
    }
  }

  /** Waits between attempts while the consumer keeps polling; false when the wait was cut short. */
  interface Waiter {
    boolean await(Duration wait, TopicPartition partition);
  }

  private final RecordRoutes routes;
  private final SognoJson json;
  private final HandlerRetryConfig retry;
  private final FailureConfig failures;
  private final DeadLetterWriter deadLetters;
  private final String groupId;
  private final MessagingTelemetry telemetry;
  private final MessagingMeters metrics;
  /** Whether the process meter is recorded; without it no clock is read for it per record. */
  private final boolean timed;
  /** Whether a handler may be called again; without retries no clock is read for their time budget. */
  private final boolean retries;

  public RecordProcessor(RecordRoutes routes, SognoJson json, HandlerRetryConfig retry, FailureConfig failures,
      DeadLetterWriter deadLetters, String groupId, MessagingTelemetry telemetry) {
    this.routes = routes;
    this.json = json;
    this.retry = retry;
    this.failures = failures;
    this.deadLetters = deadLetters;
    this.groupId = groupId;
    this.telemetry = telemetry;
    this.metrics = telemetry.meters();
    this.timed = metrics != MessagingMeters.NONE;
    this.retries = retry.backoff().maxAttempts() > 1;
  }

  /**
   * Processes one record under its process span, current while the handler runs.
   *
   * @throws UnhandledRecordException when the failure configuration says stop
   * @throws DeadLetterException when the dead-letter topic refused every attempt
   */
  Outcome process(ConsumerRecord<byte[], byte[]> record, Waiter waiter) {
    MessagingTelemetry.Processing span = telemetry.processing(record, groupId);
    String outcome = "stopped"; // unless one of the outcomes below is reached
    try {
      Outcome done = route(record, waiter, span);
      outcome = done.tag;
      return done;
    } finally {
      span.ended(outcome);
    }
  }

  private Outcome route(ConsumerRecord<byte[], byte[]> record, Waiter waiter, MessagingTelemetry.Processing span) {
    long started = clock();
    Dispatch dispatch;
    try {
      dispatch = routes.route(record, json);
    } catch (InvalidEventException invalid) {
      span.attemptFailed(0, invalid);
      return giveUp(record, invalid, 0, routes.unreadableTypeTag(record, UNKNOWN_TYPE_TAG), started, waiter);
    }
    span.routed(dispatch);
    return handle(record, dispatch, waiter, started, span);
  }

  private Outcome handle(ConsumerRecord<byte[], byte[]> record, Dispatch dispatch, Waiter waiter, long started,
      MessagingTelemetry.Processing span) {
    long firstAttempt = retries ? System.nanoTime() : 0; // the budget counts from the first attempt
    for (int attempt = 1; ; attempt++) {
      Exception failure;
      try {
        dispatch.handle(attempt);
        metrics.processed(record.topic(), dispatch.typeTag(), Outcome.HANDLED.tag, clock() - started);
        return Outcome.HANDLED;
      } catch (Exception e) {
        failure = e;
      }
      span.attemptFailed(attempt, failure);
      Duration backoff = retry.backoff().delay(attempt);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - firstAttempt);
      if (!retry.backoff().permitsRetry(attempt, elapsed, backoff) || !retry.isRetryable(failure)) {
        return giveUp(record, failure, attempt, dispatch.typeTag(), started, waiter);
      }
      metrics.retried(record.topic(), dispatch.typeTag());
      log.debug("Handler for {} failed (attempt {}), retrying in {} ms: {}",
          DeadLetterWriter.where(record), attempt, backoff.toMillis(), Redaction.redactText(failure.toString()));
      if (!waiter.await(backoff, new TopicPartition(record.topic(), record.partition()))) {
        return Outcome.ABANDONED;
      }
    }
  }

  /**
   * @throws UnhandledRecordException when the failure configuration says stop
   * @throws DeadLetterException when the dead-letter topic refused every attempt
   */
  private Outcome giveUp(ConsumerRecord<byte[], byte[]> record, Exception failure, int attempts, String typeTag,
      long started, Waiter waiter) {
    switch (failures.action()) {
      case STOP:
        throw new UnhandledRecordException("Gave up on " + DeadLetterWriter.where(record) + " after " + attempts
            + " attempt(s), stopping as configured; the record stays uncommitted: "
            + Redaction.redactText(failure.toString()), failure);
      case SKIP:
        metrics.skipped(record.topic(), failure.getClass().getSimpleName());
        metrics.processed(record.topic(), typeTag, Outcome.SKIPPED.tag, clock() - started);
        log.warn("Skipped {} after {} attempt(s): {}", DeadLetterWriter.where(record), attempts,
            Redaction.redactText(failure.toString()));
        return Outcome.SKIPPED;
      default:
        return deadLetter(record, failure, attempts, typeTag, started, waiter);
    }
  }

  /**
   * @throws DeadLetterException when the dead-letter topic refused every attempt
   */
  private Outcome deadLetter(ConsumerRecord<byte[], byte[]> record, Exception failure, int attempts,
      String typeTag, long started, Waiter waiter) {
    int deadLetterAttempts = failures.deadLetterAttempts();
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
    metrics.processed(record.topic(), typeTag, Outcome.DEAD_LETTERED.tag, clock() - started);
    log.warn("Dead-lettered {} after {} attempt(s): {}", DeadLetterWriter.where(record), attempts,
        Redaction.redactText(failure.toString()));
    return Outcome.DEAD_LETTERED;
  }

  /** The time for the process meter: {@link System#nanoTime()}, or 0 when nothing records it. */
  private long clock() {
    return timed ? System.nanoTime() : 0;
  }

  /** The pause between dead-letter writes: the handler backoff's first base wait, at least 1 ms. */
  private Duration deadLetterPause() {
    Duration first = retry.backoff().baseDelay(1);
    return first.isZero() ? Duration.ofMillis(1) : first;
  }
}
