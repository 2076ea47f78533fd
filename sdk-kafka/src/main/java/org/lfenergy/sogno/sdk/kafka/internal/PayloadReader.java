package org.lfenergy.sogno.sdk.kafka.internal;

import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.TypeRef;

/** Reads a payload as the Java type a handler was registered with: a class or a generic type. */
final class PayloadReader<T> {
  private final Class<T> payloadClass;
  private final TypeRef<T> payloadType;

  PayloadReader(Class<T> payloadClass, TypeRef<T> payloadType) {
    this.payloadClass = payloadClass;
    this.payloadType = payloadType;
  }

  /**
   * The payload of a record value; {@code null} for no value.
   *
   * @throws JsonException if it is not valid JSON for the type
   */
  T read(byte[] value, SognoJson json) {
    return value == null ? null
        : payloadClass != null ? json.read(value, payloadClass) : json.read(value, payloadType);
  }

  /**
   * The payload of an untyped JSON value (a structured-mode event's {@code data}); {@code null} for none.
   *
   * @throws JsonException if it does not fit the type
   */
  T convert(Object data, SognoJson json) {
    return data == null ? null
        : payloadClass != null ? json.convert(data, payloadClass) : json.convert(data, payloadType);
  }
}
