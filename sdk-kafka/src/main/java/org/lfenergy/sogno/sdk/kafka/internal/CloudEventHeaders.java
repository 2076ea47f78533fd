package org.lfenergy.sogno.sdk.kafka.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
   * The attributes of a received record, checked as a whole; the id, subject and time stay header
   * bytes until first asked for (see {@link Attributes}).
   *
   * @throws InvalidEventException if a required attribute is missing or malformed, the spec
   *     version is not 1.0, or the content type is not JSON
   */
  static Attributes read(Headers headers) {
    return read(headers, false, TypeNames.NONE);
  }

  /**
   * As {@link #read(Headers)}, or null when the record is a structured-mode CloudEvent ({@link
   * StructuredCloudEvent#isStructured}): the content mode is told in the same pass over the headers. A
   * type {@code types} knows is not decoded.
   *
   * @throws InvalidEventException if it is in binary mode and {@link #read(Headers)} refuses it
   */
  static Attributes readBinary(Headers headers, TypeNames types) {
    return read(headers, true, types);
  }

  private static Attributes read(Headers headers, boolean unlessStructured, TypeNames types) {
    Attributes attributes = new Attributes();
    String specVersion = null;
    String contentType = null;
    String dataSchema = null;
    byte[] sourceValue = null;
    byte[] lastContentType = null; // the content mode follows the last content-type header, as lastHeader
    for (Header header : headers) {
      byte[] value = header.value();
      String key = header.key();
      if (value == null) {
        if (key.equals(CONTENT_TYPE)) {
          lastContentType = null;
        }
        continue;
      }
      // Of each attribute the first header counts. Id, source, subject and time are kept as bytes;
      // spec version and content type, almost always the same constants, are compared as bytes.
      switch (attribute(key)) {
        case SPEC_VERSION:
          if (specVersion == null) {
            specVersion = Arrays.equals(value, SPEC_VERSION_BYTES) ? Event.SPEC_VERSION : text(value);
          }
          break;
        case CONTENT_TYPE:
          lastContentType = value;
          if (contentType == null) {
            contentType = Arrays.equals(value, JSON_BYTES) ? Event.JSON : text(value);
          }
          break;
        case TYPE: attributes.type = attributes.type != null ? attributes.type : types.name(value); break;
        case DATA_SCHEMA: dataSchema = dataSchema != null ? dataSchema : text(value); break;
        case ID: attributes.idValue = first(attributes.idValue, value); break;
        case SOURCE: sourceValue = first(sourceValue, value); break;
        case SUBJECT: attributes.subjectValue = first(attributes.subjectValue, value); break;
        case TIME: attributes.timeValue = first(attributes.timeValue, value); break;
        default:
          if (key.startsWith(PREFIX)) {
            attributes.extension(key.substring(PREFIX.length()), text(value));
          }
      }
    }
    if (unlessStructured && lastContentType != null && StructuredCloudEvent.isStructured(lastContentType)) {
      return null;
    }
    attributes.complete(specVersion, contentType, dataSchema, sourceValue, null, null, BINARY_NAMES);
    return attributes;
  }

  /**
   * The attribute constant {@code key} equals, else {@code ""}: picked by length and compared once,
   * never hashed. Kafka decodes a record's header keys anew for each record, so a {@code switch} on
   * the key itself would hash every key of every record; the constants' hashes are cached.
   */
  static String attribute(String key) {
    String candidate;
    switch (key.length()) {
      case 5: candidate = ID; break;
      case 7: candidate = key.charAt(4) == 'y' ? TYPE : TIME; break;
      case 9: candidate = SOURCE; break;
      case 10: candidate = SUBJECT; break;
      case 12: candidate = CONTENT_TYPE; break;
      case 13: candidate = DATA_SCHEMA; break;
      case 14: candidate = SPEC_VERSION; break;
      default: return "";
    }
    return key.equals(candidate) ? candidate : "";
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

  /**
   * The source of the last binary-mode record read and its URI: records in a row almost always share
   * it, so it is found by comparing bytes. Replaced whole, never changed, so a race only costs a lookup.
   */
  private static KnownSource lastSource;

  private static final class KnownSource {
    final byte[] value;
    final URI uri;

    KnownSource(byte[] value, URI uri) {
      this.value = value;
      this.uri = uri;
    }
  }

  private static <V> V first(V current, V candidate) {
    return current != null ? current : candidate;
  }

  static boolean isJson(String contentType) {
    if (contentType.equals(Event.JSON)) {
      return true;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static URI sourceUri(String value, AttributeNames names) {
    return SOURCES.computeIfAbsent(value, text -> uri(text, names.of("source")));
  }

  private static URI sourceUri(byte[] value, AttributeNames names) {
    KnownSource known = lastSource;
    if (known != null && Arrays.equals(known.value, value)) {
      return known.uri;
    }
    URI uri = sourceUri(text(value), names);
    lastSource = new KnownSource(value.clone(), uri);
    return uri;
  }

  private static URI uri(String value, String name) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, name + " is not a URI reference");
    }
  }

  private static OffsetDateTime parseTime(String value, String name) {
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

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * The attributes of a received record, before its payload is read, and then of the {@link Event}
   * made of it.
   *
   * <p>Checked eagerly, converted lazily. {@link #complete} checks every attribute when the record is
   * read, as it always did: a record with a required attribute missing or malformed is refused before
   * any handler runs. In binary mode the id, subject and time are then kept as their header bytes and
   * turned into a {@code String} or {@code OffsetDateTime} only when the event is first asked for them;
   * the time passes {@link CanonicalTime}'s byte-level check at once, or, when that check is not sure,
   * is parsed at once. Type, source, data schema, content type and extensions are converted eagerly
   * (the allow-list needs the type; sources come from a cache). The event's {@link Delivery} (and its
   * {@code Instant}) is made from the record's topic, partition, offset, timestamp and key, noted by
   * {@link #readFrom}, when first asked for.
   *
   * <p>Thread-safety: filled by one thread while the record is read; afterwards only the lazy values
   * change. An event may escape its handler to other threads, so each lazy value is immutable and
   * cached in a plain field, as {@code String.hashCode} caches its hash: a race at most converts the
   * same bytes twice, to equal values. The header bytes are never changed.
   */
  public static final class Attributes {
    String type;
    URI source;
    URI dataSchema;
    String contentType;
    /** Binary mode: the first header value of each, kept until first asked for. */
    byte[] idValue;
    byte[] subjectValue;
    byte[] timeValue;
    /** Structured mode sets these while reading; binary mode caches the conversions here. */
    String id;
    String subject;
    private OffsetDateTime time;
    Map<String, String> extensions = Map.of();
    /** Where the record was read from ({@link #readFrom}), for the {@link Delivery} made on first access. */
    private String topic;
    private int partition;
    private long offset;
    private long timestamp;
    private byte[] key;
    private Delivery delivery;

    /**
     * Checks and sets what every CloudEvent needs, whatever its content mode. Source and time are
     * passed rather than kept: after this check only their converted values are needed.
     *
     * @param sourceValue binary mode: the source header's bytes, else null
     * @param sourceText structured mode: the source, else null
     * @param timeText structured mode: the time, else null (binary mode's is {@link #timeValue})
     * @param names how the attributes are called in this content mode, for error messages
     * @throws InvalidEventException if a required attribute is missing or malformed, the spec
     *     version is not 1.0, or the content type is not JSON
     */
    void complete(String specVersion, String contentType, String dataSchema, byte[] sourceValue, String sourceText,
        String timeText, AttributeNames names) {
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
      if (isMissing(id, idValue)) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "record has no " + names.of("id"));
      }
      if (isMissing(sourceText, sourceValue)) {
        throw invalid(InvalidEventException.Reason.NOT_A_CLOUDEVENT, "record has no " + names.of("source"));
      }
      source = sourceValue != null ? sourceUri(sourceValue, names) : sourceUri(sourceText, names);
      if (timeText != null) {
        time = parseTime(timeText, names.of("time"));
      } else if (timeValue != null && !CanonicalTime.isValid(timeValue)) {
        time = parseTime(text(timeValue), names.of("time")); // not sure: parse it now, refuse it now
      }
      this.dataSchema = dataSchema == null ? null : uri(dataSchema, names.of("dataschema"));
    }

    private static boolean isMissing(String text, byte[] value) {
      return text != null ? text.isEmpty() : value == null || value.length == 0;
    }

    void extension(String name, String value) {
      if (extensions.isEmpty()) {
        extensions = new LinkedHashMap<>();
      }
      extensions.putIfAbsent(name, value);
    }

    /** {@code id}, converted on first access. */
    public String id() {
      String value = id;
      if (value == null) {
        value = text(idValue);
        id = value;
      }
      return value;
    }

    /** {@code subject}, converted on first access; null when the record had none. */
    public String subject() {
      String value = subject;
      if (value == null && subjectValue != null) {
        value = text(subjectValue);
        subject = value;
      }
      return value;
    }

    /**
     * {@code time} in UTC, converted on first access; without one (it is optional in CloudEvents) the
     * timestamp of the record {@link #readFrom read from} stands in.
     */
    public OffsetDateTime time() {
      OffsetDateTime value = time;
      if (value == null) {
        value = timeValue != null ? parseTime(text(timeValue), BINARY_NAMES.of("time"))
            : Instant.ofEpochMilli(timestamp).atOffset(ZoneOffset.UTC);
        time = value;
      }
      return value;
    }

    /** Notes where the record came from; its {@link Delivery} is made only when asked for. */
    void readFrom(ConsumerRecord<byte[], byte[]> record) {
      topic = record.topic();
      partition = record.partition();
      offset = record.offset();
      timestamp = record.timestamp();
      key = record.key();
    }

    /** The first attempt's {@link Delivery} of the record {@link #readFrom read from}, made on first access. */
    public Delivery delivery() {
      Delivery value = delivery;
      if (value == null) {
        value = Delivery.of(topic, partition, offset, Instant.ofEpochMilli(timestamp), key, 1);
        delivery = value;
      }
      return value;
    }

    public URI source() {
      return source;
    }

    /** {@code dataschema}, or null. */
    public URI dataSchema() {
      return dataSchema;
    }

    public String contentType() {
      return contentType;
    }

    /** The extensions with a value, unmodifiable; for {@link Event}. */
    public Map<String, String> extensions() {
      if (extensions.isEmpty()) {
        return Map.of();
      }
      Map<String, String> withValues = new LinkedHashMap<>(extensions);
      withValues.values().removeIf(String::isEmpty);
      return Map.copyOf(withValues);
    }

    /** The event of the record {@link #readFrom read from}, its delivery made on first access. */
    <T> Event<T> toEvent(EventType<T> eventType, T data) {
      return ReceivedEvents.create(eventType, data, this);
    }
  }
}
