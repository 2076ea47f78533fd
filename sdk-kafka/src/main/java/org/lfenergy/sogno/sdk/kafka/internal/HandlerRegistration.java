package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Delivery;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventHandler;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/** One entry of a subscriber's allow-list: an event type, its payload type and its handler. */
public final class HandlerRegistration<T> {
  private final EventType<T> type;
  private final EventHandler<T> handler;

  public HandlerRegistration(EventType<T> type, EventHandler<T> handler) {
    this.type = type;
    this.handler = handler;
  }

  String typeName() {
    return type.name();
  }

  /**
   * The typed event of a record whose attributes were read already.
   *
   * @throws InvalidEventException if the payload is not valid JSON for the registered type
   */
  Event<T> decode(CloudEventHeaders.Attributes attributes, ConsumerRecord<byte[], byte[]> record, SognoJson json) {
    T data;
    try {
      data = record.value() == null ? null
          : type.payloadClass() != null ? json.read(record.value(), type.payloadClass())
          : json.read(record.value(), type.payloadType());
    } catch (JsonException e) {
      throw new InvalidEventException(InvalidEventException.Reason.UNREADABLE_PAYLOAD,
          "payload of " + type.name() + " event " + attributes.id + " is not valid: " + e.getMessage(), e);
    }
    Delivery delivery = Delivery.of(record.topic(), record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()), record.key(), 1);
    return attributes.toEvent(type, data, delivery);
  }

  void handle(Event<T> event, int attempt) throws Exception {
    Event<T> attemptEvent = attempt == 1 ? event
        : event.toBuilder().delivery(event.delivery().orElseThrow().withAttempt(attempt)).build();
    handler.handle(attemptEvent);
  }
}
