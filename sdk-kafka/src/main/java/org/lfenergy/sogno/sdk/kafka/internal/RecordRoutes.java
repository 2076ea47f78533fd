package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/**
 * Which handler a record goes to. A record of a plain-JSON topic goes to that topic's handler, its
 * value read as the registered type. Any other record must be a CloudEvent, in binary mode ({@code
 * ce_} headers) or structured mode ({@code content-type: application/cloudevents+json}), whose
 * {@code type} is on the allow-list. Immutable, thread-safe.
 */
public final class RecordRoutes {
  private final Map<String, HandlerRegistration<?>> eventTypes;
  private final Map<String, JsonRegistration<?>> jsonTopics;
  private final TypeNames typeNames;
  private final List<String> topics;

  /**
   * @param eventTopics the CloudEvents topics
   * @param eventTypes the CloudEvents handlers by event type
   * @param jsonTopics the plain-JSON handlers by topic
   * @throws IllegalArgumentException if there are no topics, CloudEvents topics without handlers or
   *     handlers without topics, or a topic is both a CloudEvents and a plain-JSON topic
   */
  public RecordRoutes(List<String> eventTopics, Map<String, HandlerRegistration<?>> eventTypes,
      Map<String, JsonRegistration<?>> jsonTopics) {
    if (eventTopics.isEmpty() && jsonTopics.isEmpty()) {
      throw new IllegalArgumentException("topics with handlers are required: topics(...) with on(...), or onJson(...)");
    }
    if (eventTopics.isEmpty() != eventTypes.isEmpty()) {
      throw new IllegalArgumentException(eventTopics.isEmpty() ? "event handlers need CloudEvents topics: topics(...)"
          : "CloudEvents topics " + eventTopics + " need at least one event handler: on(type, handler)");
    }
    List<String> all = new ArrayList<>(eventTopics);
    for (String topic : jsonTopics.keySet()) {
      if (eventTopics.contains(topic)) {
        throw new IllegalArgumentException("topic " + topic + " is both a CloudEvents topic and a plain-JSON topic");
      }
      all.add(topic);
    }
    this.topics = List.copyOf(all);
    this.eventTypes = Map.copyOf(eventTypes);
    this.jsonTopics = Map.copyOf(jsonTopics);
    this.typeNames = new TypeNames(this.eventTypes.keySet());
  }

  /** Every topic to subscribe to. */
  public List<String> topics() {
    return topics;
  }

  @Override
  public String toString() {
    return "event types " + eventTypes.keySet() + ", plain-JSON topics " + jsonTopics.keySet();
  }

  /**
   * The record read and matched to its handler.
   *
   * @throws InvalidEventException if it is not a usable CloudEvent, its type is not registered, or its
   *     payload does not fit the registered type
   */
  Dispatch route(ConsumerRecord<byte[], byte[]> record, SognoJson json) {
    if (!jsonTopics.isEmpty()) {
      JsonRegistration<?> plain = jsonTopics.get(record.topic());
      if (plain != null) {
        return plain.decode(record, json);
      }
    }
    CloudEventHeaders.Attributes attributes = CloudEventHeaders.readBinary(record.headers(), typeNames);
    if (attributes == null) {
      StructuredCloudEvent event = StructuredCloudEvent.read(record.headers(), record.value(), json);
      return registration(event.attributes.type).decode(event, record, json);
    }
    return registration(attributes.type).decode(attributes, record, json);
  }

  /**
   * The {@code type} tag of a record that could not be routed: {@code json} on a plain-JSON topic,
   * else {@code fallback} (its CloudEvents type is unknown or not trusted).
   */
  String unreadableTypeTag(ConsumerRecord<byte[], byte[]> record, String fallback) {
    return jsonTopics.containsKey(record.topic()) ? JsonRegistration.TYPE_TAG : fallback;
  }

  private HandlerRegistration<?> registration(String type) {
    HandlerRegistration<?> registration = eventTypes.get(type);
    if (registration == null) {
      throw new InvalidEventException(InvalidEventException.Reason.UNKNOWN_TYPE,
          "event type " + type + " is not registered with this subscriber", null);
    }
    return registration;
  }
}
