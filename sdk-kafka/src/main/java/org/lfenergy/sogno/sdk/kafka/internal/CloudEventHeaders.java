package org.lfenergy.sogno.sdk.kafka.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.core.Rfc3339;
import org.lfenergy.sogno.sdk.kafka.Delivery;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/**
 * The CloudEvents Kafka protocol binding, binary content mode: attributes as {@code ce_}-prefixed
 * UTF-8 headers, the content type as {@code content-type}. Also writes the plain W3C
 * {@code traceparent}/{@code tracestate} headers that tracing instrumentation of Kafka clients reads.
 */
public final class CloudEventHeaders {
  static final String PREFIX = "ce_";
  static final String SPEC_VERSION = "ce_specversion";
  static final String ID = "ce_id";
  static final String SOURCE = "ce_source";
  static final String TYPE = "ce_type";
  static final String TIME = "ce_time";
  static final String SUBJECT = "ce_subject";
  static final String DATA_SCHEMA = "ce_dataschema";
  static final String CONTENT_TYPE = "content-type";
  private static final byte[] SPEC_VERSION_BYTES = Event.SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
  static final byte[] JSON_BYTES = Event.JSON.getBytes(StandardCharsets.UTF_8);

  private CloudEventHeaders() {}

  public static Headers write(Event<?> event, URI source) {
    HeaderList headers = new HeaderList();
    headers.add(SPEC_VERSION, SPEC_VERSION_BYTES);
    headers.add(ID, utf8(event.id()));
    headers.add(SOURCE, utf8(source.toString()));
    headers.add(TYPE, utf8(event.type()));
    headers.add(TIME, utf8(Rfc3339.format(event.time())));
    event.subject().ifPresent(subject -> headers.add(SUBJECT, utf8(subject)));
    event.dataSchema().ifPresent(schema -> headers.add(DATA_SCHEMA, utf8(schema.toString())));
    headers.add(CONTENT_TYPE, JSON_BYTES);
    event.extensions().forEach((name, value) -> {
      byte[] bytes = utf8(value);
      headers.add(PREFIX + name, bytes);
      if (name.equals(Event.TRACEPARENT) || name.equals(Event.TRACESTATE)) {
        headers.add(name, bytes);
      }
    });
    return headers;
  }

  /**
   * The attributes of a received record.
   *
   * @throws InvalidEventException if a required attribute is missing or malformed, the spec
   *     version is not 1.0, or the content type is not JSON
   */
  static Attributes read(Headers headers) {
    Attributes attributes = new Attributes();
    String specVersion = null;
    String contentType = null;
    String time = null;
    String source = null;
    String dataSchema = null;
    for (Header header : headers) {
      String key = header.key();
      byte[] value = header.value();
      if (value == null || !(key.startsWith(PREFIX) || key.equals(CONTENT_TYPE))) {
        continue;
      }
      // The two headers whose value is almost always the same constant are compared as bytes.
      if (key.equals(SPEC_VERSION) && specVersion == null && Arrays.equals(value, SPEC_VERSION_BYTES)) {
        specVersion = Event.SPEC_VERSION;
        continue;
      }
      if (key.equals(CONTENT_TYPE) && contentType == null && Arrays.equals(value, JSON_BYTES)) {
        contentType = Event.JSON;
        continue;
      }
      String text = new String(value, StandardCharsets.UTF_8);
      switch (key) {
        case SPEC_VERSION: specVersion = first(specVersion, text); break;
        case ID: attributes.id = first(attributes.id, text); break;
        case SOURCE: source = first(source, text); break;
        case TYPE: attributes.type = first(attributes.type, text); break;
        case TIME: time = first(time, text); break;
        case SUBJECT: attributes.subject = first(attributes.subject, text); break;
        case DATA_SCHEMA: dataSchema = first(dataSchema, text); break;
        case CONTENT_TYPE: contentType = first(contentType, text); break;
        default: attributes.extension(key.substring(PREFIX.length()), text);
      }
    }
    attributes.complete(specVersion, contentType, source, time, dataSchema, BINARY_NAMES);
    return attributes;
  }

  /** How the attributes of one content mode are called in error messages. */
  static final class AttributeNames {
    final String mode;
    private final String prefix;
    private final String suffix;

    AttributeNames(String mode, String prefix, String suffix) {
      this.mode = mode;
      this.prefix = prefix;
      this.suffix = suffix;
    }

    String of(String attribute) {
      return prefix + attribute + suffix;
    }
  }

  private static final AttributeNames BINARY_NAMES = new AttributeNames("binary-mode", PREFIX, " header");

  /** Events of a topic come from few sources; parsing each URI once saves work per record. */
  private static final BoundedCache<String, URI> SOURCES = new BoundedCache<>(1024);

  private static String first(String current, String candidate) {
    return current != null ? current : candidate;
  }

  static boolean isJson(String contentType) {
    if (contentType.equals(Event.JSON)) {
      return true;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static URI uri(String value, String name) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, name + " is not a URI reference");
    }
  }

  private static OffsetDateTime time(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      return Rfc3339.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, name + " is not an RFC 3339 timestamp");
    }
  }

  static InvalidEventException invalid(InvalidEventException.Reason reason, String message) {
    return new InvalidEventException(reason, message, null);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** The attributes of a received record, before its payload is read. */
  static final class Attributes {
    String id;
    URI source;
    String type;
    OffsetDateTime time;
    String subject;
    URI dataSchema;
    String contentType;
    Map<String, String> extensions = Map.of();

    /**
     * Checks and sets what every CloudEvent needs, whatever its content mode.
     *
     * @param names how the attributes are called in this content mode, for error messages
     * @throws InvalidEventException if a required attribute is missing or malformed, the spec
     *     version is not 1.0, or the content type is not JSON
     */
    void complete(String specVersion, String contentType, String source, String time, String dataSchema,
        AttributeNames names) {
      if (specVersion == null) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "record has no " + names.of("specversion")
            + " (not a " + names.mode + " CloudEvent)");
      }
      if (!Event.SPEC_VERSION.equals(specVersion)) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "unsupported CloudEvents spec version " + specVersion);
      }
      if (type == null || type.isEmpty()) {
        throw invalid(InvalidEventException.Reason.MISSING_TYPE, "record has no " + names.of("type"));
      }
      this.contentType = contentType == null ? Event.JSON : contentType;
      if (!isJson(this.contentType)) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "unsupported content type " + this.contentType);
      }
      if (id == null || id.isEmpty()) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "record has no " + names.of("id"));
      }
      if (source == null || source.isEmpty()) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "record has no " + names.of("source"));
      }
      this.source = SOURCES.computeIfAbsent(source, text -> uri(text, names.of("source")));
      this.time = CloudEventHeaders.time(time, names.of("time"));
      this.dataSchema = dataSchema == null ? null : uri(dataSchema, names.of("dataschema"));
    }

    void extension(String name, String value) {
      if (extensions.isEmpty()) {
        extensions = new LinkedHashMap<>();
      }
      extensions.putIfAbsent(name, value);
    }

    <T> Event<T> toEvent(EventType<T> eventType, T data, Delivery delivery) {
      Event.Builder<T> builder = Event.of(eventType, data).id(id).source(source);
      // ce_time is optional in CloudEvents; without it the record's timestamp stands in.
      builder.time(time != null ? time : delivery.timestamp().atOffset(ZoneOffset.UTC));
      if (subject != null) {
        builder.subject(subject);
      }
      if (dataSchema != null) {
        builder.dataSchema(dataSchema);
      }
      extensions.forEach((name, value) -> {
        if (!value.isEmpty()) {
          builder.receivedExtension(name, value);
        }
      });
      return builder.dataContentType(contentType).delivery(delivery).build();
    }
  }
}
