package org.lfenergy.sogno.sdk.kafka;

/**
 * Handles the records of one plain-JSON topic ({@link EventSubscriber.Builder#onJson}). The same
 * contract as {@link EventHandler}: called on a consumer thread, one record at a time per consumer, in
 * offset order per partition; the offset is committed only after it returns; a thrown exception is a
 * failed attempt, retried per the {@link HandlerRetryConfig}, then handled per the {@link
 * FailureConfig}. Delivery is at least once: handlers should be idempotent.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface JsonHandler<T> {
  /** Processes {@code message}; any exception counts as a failed attempt. */
  void handle(JsonMessage<T> message) throws Exception;
}
