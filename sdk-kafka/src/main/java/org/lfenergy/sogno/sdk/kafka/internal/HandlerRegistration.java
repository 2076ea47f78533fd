package org.lfenergy.sogno.sdk.kafka.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventHandler;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/** One entry of a subscriber's allow-list: an event type, its payload type and its handler. */
public final class HandlerRegistration<T> {
  private final EventType<T> type;
  private final EventHandler<T> handler;
  private final PayloadReader<T> payload;

  public HandlerRegistration(EventType<T> type, EventHandler<T> handler) {
    this.type = type;
    this.handler = handler;
    this.payload = new PayloadReader<>(type.payloadClass(), type.payloadType());
  }

  String typeName() {
    return type.name();
  }

  /**
   * The typed event of a binary-mode record whose attributes were read already.
   *
   * @throws InvalidEventException if the payload is not valid JSON for the registered type
   */
  Dispatch decode(CloudEventHeaders.Attributes attributes, ConsumerRecord<byte[], byte[]> record, SognoJson json) {
    T value;
    try {
      value = payload.read(record.value(), json);
    } catch (JsonException e) {
      throw unreadable(attributes, e);
    }
    return dispatch(attributes, record, value);
  }

  /**
   * The typed event of a structured-mode record.
   *
   * @throws InvalidEventException if its {@code data} does not fit the registered type
   */
  Dispatch decode(StructuredCloudEvent event, ConsumerRecord<byte[], byte[]> record, SognoJson json) {
    T value;
    try {
      value = payload.convert(event.data, json);
    } catch (JsonException e) {
      throw unreadable(event.attributes, e);
    }
    return dispatch(event.attributes, record, value);
  }

  private InvalidEventException unreadable(CloudEventHeaders.Attributes attributes, JsonException e) {
    return new InvalidEventException(InvalidEventException.Reason.UNREADABLE_PAYLOAD,
        "payload of " + type.name() + " event " + attributes.id() + " is not valid: " + e.getMessage(), e);
  }

  /** No lambda per record: the payload is read before, in {@code decode}. */
  private Dispatch dispatch(CloudEventHeaders.Attributes attributes, ConsumerRecord<byte[], byte[]> record, T value) {
    attributes.readFrom(record); // no Delivery, no Instant unless the handler asks
    Event<T> event = attributes.toEvent(type, value);
    return new Dispatch() {
      @Override
      public String typeTag() {
        return type.name();
      }

      @Override
      public String messageId() {
        return attributes.id();
      }

      @Override
      public void handle(int attempt) throws Exception {
        handler.handle(attempt == 1 ? event
            : event.toBuilder().delivery(event.delivery().orElseThrow().withAttempt(attempt)).build());
      }
    };
  }
}
