package org.lfenergy.sogno.sdk.kafka;

/**
 * Chooses the Kafka record key of an event, and so its partition: events with the same key keep
 * their order. Implementations must be thread-safe and fast; {@code null} means no key (the
 * producer spreads such records over partitions).
 */
@FunctionalInterface
public interface KeyStrategy {
  /** The event's subject (e.g. the job id), or no key when it has none. The default. */
  KeyStrategy SUBJECT = event -> event.subject().orElse(null);
  /** The event id: even spread, no order between events. */
  KeyStrategy EVENT_ID = Event::id;
  /** No key. */
  KeyStrategy NONE = event -> null;

  /** The key for {@code event}, or {@code null}. */
  String keyFor(Event<?> event);
}
