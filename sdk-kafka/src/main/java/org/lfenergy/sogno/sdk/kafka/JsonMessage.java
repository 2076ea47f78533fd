package org.lfenergy.sogno.sdk.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * A record of a plain-JSON topic as handed to a {@link JsonHandler}: the value read as the
 * registered Java type with the subscriber's {@code SognoJson}, where it was read from, and its
 * headers. No CloudEvents attributes are required or read. Immutable and thread-safe if the payload
 * is.
 *
 * @param <T> the payload type
 */
public final class JsonMessage<T> {
  private final T data;
  private final Delivery delivery;
  private final Map<String, String> headers;

  private JsonMessage(T data, Delivery delivery, Map<String, String> headers) {
    this.data = data;
    this.delivery = delivery;
    this.headers = headers;
  }

  /**
   * A message; the subscriber makes these, handler tests may too.
   *
   * @param data the payload, {@code null} for a record without value (a tombstone)
   * @param delivery where it was read from
   * @param headers the record's headers as UTF-8 text, the first value of each name
   */
  public static <T> JsonMessage<T> of(T data, Delivery delivery, Map<String, String> headers) {
    return new JsonMessage<>(data, Objects.requireNonNull(delivery, "delivery"), Map.copyOf(headers));
  }

  /** The payload; {@code null} for a record without value (a tombstone). */
  public T data() {
    return data;
  }

  /** Topic, partition, offset, timestamp, key and handler attempt. */
  public Delivery delivery() {
    return delivery;
  }

  /** The record's headers as UTF-8 text, the first value of each name; often empty on such topics. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return "JsonMessage{" + delivery + "}";
  }
}
