package org.lfenergy.sogno.sdk.kafka;

/**
 * Handles one event type. Called on a subscriber's consumer thread, one event at a time per
 * consumer, in offset order per partition. Return normally once the event is fully processed: only
 * then is its offset committed. Throw to have it retried (see {@link HandlerRetryConfig}) and, when the
 * attempts are used up, sent to the dead-letter topic.
 *
 * <p>Delivery is at least once: after a crash or rebalance an event may come again, so handlers
 * should be idempotent (de-duplicate by {@link Event#id()}). A handler must finish well within
 * {@code max.poll.interval.ms} divided by the attempts.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface EventHandler<T> {
  /** Processes {@code event}; any exception counts as a failed attempt. */
  void handle(Event<T> event) throws Exception;
}
