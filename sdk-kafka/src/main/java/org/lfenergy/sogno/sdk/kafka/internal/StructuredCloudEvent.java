package org.lfenergy.sogno.sdk.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/**
 * The CloudEvents Kafka protocol binding, structured content mode with the JSON event format: the
 * record's {@code content-type} header is {@code application/cloudevents+json} and its value one JSON
 * object holding the attributes and the payload ({@code data}). Read only; the SDK writes binary mode.
 * Payloads in {@code data_base64} (binary data) are refused: the SDK's payloads are JSON.
 */
final class StructuredCloudEvent {
  private static final String MEDIA_TYPE_PREFIX = "application/cloudevents";
  private static final String JSON_FORMAT = "application/cloudevents+json";
  private static final CloudEventHeaders.AttributeNames NAMES =
      new CloudEventHeaders.AttributeNames("structured-mode", "member ", "");

  /** The attributes, and the payload still as untyped JSON (maps, lists, scalars). */
  final CloudEventHeaders.Attributes attributes;
  final Object data;

  private StructuredCloudEvent(CloudEventHeaders.Attributes attributes, Object data) {
    this.attributes = attributes;
    this.data = data;
  }

  /** Whether the record says it is a structured-mode CloudEvent (of any event format). */
  static boolean isStructured(Headers headers) {
    Header contentType = headers.lastHeader(CloudEventHeaders.CONTENT_TYPE);
    return contentType != null && contentType.value() != null && isStructured(contentType.value());
  }

  /** Whether a record whose last {@code content-type} header is {@code contentType} is in structured mode. */
  static boolean isStructured(byte[] contentType) {
    // What every binary-mode event of the SDK carries, compared as bytes: no string per record.
    return !Arrays.equals(contentType, CloudEventHeaders.JSON_BYTES)
        && mediaType(contentType).startsWith(MEDIA_TYPE_PREFIX);
  }

  /**
   * Reads a structured-mode event.
   *
   * @throws InvalidEventException if the format is not JSON, the value is not a JSON object, a
   *     required attribute is missing or malformed, or the payload is {@code data_base64}
   */
  static StructuredCloudEvent read(Headers headers, byte[] value, SognoJson json) {
    String format = mediaType(headers.lastHeader(CloudEventHeaders.CONTENT_TYPE).value());
    if (!format.equals(JSON_FORMAT)) {
      throw CloudEventHeaders.invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
          "unsupported structured-mode event format " + format + " (only " + JSON_FORMAT + ")");
    }
    Map<?, ?> members = members(value, json);
    CloudEventHeaders.Attributes attributes = new CloudEventHeaders.Attributes();
    attributes.id = text(members, "id");
    attributes.type = text(members, "type");
    attributes.subject = text(members, "subject");
    if (members.containsKey("data_base64")) {
      throw CloudEventHeaders.invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
          "structured-mode event carries data_base64; only JSON data is supported");
    }
    for (Map.Entry<?, ?> member : members.entrySet()) {
      String name = String.valueOf(member.getKey());
      if (!CORE.contains(name) && member.getValue() != null) {
        attributes.extension(name, scalar(member.getValue(), name));
      }
    }
    String specVersion = text(members, "specversion");
    String contentType = text(members, "datacontenttype");
    String source = text(members, "source");
    String time = text(members, "time");
    attributes.complete(specVersion, contentType, text(members, "dataschema"), null, source, time, NAMES);
    return new StructuredCloudEvent(attributes, members.get("data"));
  }

  private static final java.util.Set<String> CORE = java.util.Set.of("specversion", "id", "source", "type", "time",
      "subject", "datacontenttype", "dataschema", "data", "data_base64");

  private static Map<?, ?> members(byte[] value, SognoJson json) {
    Object document;
    try {
      document = value == null ? null : json.readUntyped(value);
    } catch (JsonException e) {
      throw new InvalidEventException(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
          "structured-mode event is not valid JSON: " + e.getMessage(), e);
    }
    if (!(document instanceof Map)) {
      throw CloudEventHeaders.invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
          "structured-mode event is not a JSON object");
    }
    return (Map<?, ?>) document;
  }

  private static String text(Map<?, ?> members, String name) {
    Object value = members.get(name);
    return value == null ? null : scalar(value, name);
  }

  /** Attribute values are strings in the JSON format; numbers and booleans are taken as their text. */
  private static String scalar(Object value, String name) {
    if (value instanceof Map || value instanceof java.util.List) {
      throw CloudEventHeaders.invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT,
          "attribute " + name + " of a structured-mode event must be a string, not an object or array");
    }
    return value.toString();
  }

  private static String mediaType(byte[] contentType) {
    return new String(contentType, StandardCharsets.UTF_8).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
