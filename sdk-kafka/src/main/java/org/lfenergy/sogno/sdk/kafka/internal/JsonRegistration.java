package org.lfenergy.sogno.sdk.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.TypeRef;
import org.lfenergy.sogno.sdk.kafka.Delivery;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;
import org.lfenergy.sogno.sdk.kafka.JsonHandler;
import org.lfenergy.sogno.sdk.kafka.JsonMessage;

/** The handler of one plain-JSON topic and the Java type of its records' values. */
public final class JsonRegistration<T> {
  static final String TYPE_TAG = "json";

  private final PayloadReader<T> payload;
  private final JsonHandler<T> handler;

  private JsonRegistration(PayloadReader<T> payload, JsonHandler<T> handler) {
    this.payload = payload;
    this.handler = handler;
  }

  public static <T> JsonRegistration<T> of(Class<T> payloadClass, JsonHandler<T> handler) {
    return new JsonRegistration<>(new PayloadReader<>(payloadClass, null), handler);
  }

  public static <T> JsonRegistration<T> of(TypeRef<T> payloadType, JsonHandler<T> handler) {
    return new JsonRegistration<>(new PayloadReader<>(null, payloadType), handler);
  }

  /**
   * The record's value read as the registered type, and the call of its handler.
   *
   * @throws InvalidEventException ({@link InvalidEventException.Reason#UNREADABLE_PAYLOAD}) if the
   *     value is not valid JSON for the type
   */
  Dispatch decode(ConsumerRecord<byte[], byte[]> record, SognoJson json) {
    T data;
    try {
      data = payload.read(record.value(), json);
    } catch (JsonException e) {
      throw new InvalidEventException(InvalidEventException.Reason.UNREADABLE_PAYLOAD,
          "value of " + DeadLetterWriter.where(record) + " is not valid: " + e.getMessage(), e);
    }
    Delivery delivery = Delivery.of(record.topic(), record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()), record.key(), 1);
    Map<String, String> headers = headers(record);
    return new Dispatch() {
      @Override
      public String typeTag() {
        return TYPE_TAG;
      }

      @Override
      public void handle(int attempt) throws Exception {
        handler.handle(JsonMessage.of(data, attempt == 1 ? delivery : delivery.withAttempt(attempt), headers));
      }
    };
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.putIfAbsent(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }
}
