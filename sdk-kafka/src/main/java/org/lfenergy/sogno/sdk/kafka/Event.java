package org.lfenergy.sogno.sdk.kafka;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.kafka.internal.CloudEventHeaders;
import org.lfenergy.sogno.sdk.kafka.internal.ReceivedEvents;

/**
 * A CloudEvents 1.0 event with a typed payload, as published and as handed to handlers. On Kafka it
 * travels in binary mode: the payload is the record value (JSON), the attributes are headers
 * ({@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time}, {@code ce_subject},
 * {@code content-type}, extensions as {@code ce_<name>}).
 *
 * <p>Trace context ({@code traceparent}, {@code tracestate}, the CloudEvents distributed-tracing
 * extension) and the request id ({@code requestid}) are extensions with their own accessors.
 * Immutable and thread-safe if the payload is. A received event was checked as a whole before its
 * handler got it; its id, subject and time are converted from the record's headers, and its delivery
 * made, on first access.
 *
 * @param <T> the payload type
 */
public final class Event<T> {
  /** The only CloudEvents spec version the SDK writes and reads. */
  public static final String SPEC_VERSION = "1.0";
  /** The content type of every payload the SDK writes. */
  public static final String JSON = "application/json";
  /** Extension carrying the W3C trace context. */
  public static final String TRACEPARENT = "traceparent";
  /** Extension carrying the W3C trace state. */
  public static final String TRACESTATE = "tracestate";
  /** Extension carrying the {@code X-Request-ID} of the request that caused the event. */
  public static final String REQUEST_ID = "requestid";

  private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");
  private static final java.util.Set<String> RESERVED = java.util.Set.of(
      "specversion", "id", "source", "type", "time", "subject", "datacontenttype", "dataschema", "data");

  private final String id;
  private final URI source;
  private final String type;
  private final OffsetDateTime time;
  private final String subject;
  private final URI dataSchema;
  private final String dataContentType;
  private final T data;
  private final Map<String, String> extensions;
  /** Null on a received event: {@link #received} makes its delivery on first access. */
  private final Delivery delivery;
  /** Where a received event's id, subject, time and delivery come from on first access; null on built events. */
  private final CloudEventHeaders.Attributes received;

  static {
    ReceivedEvents.register(Event::received);
  }

  private Event(Builder<T> builder) {
    this.id = builder.id;
    this.source = builder.source;
    this.type = builder.type;
    this.time = builder.time;
    this.subject = builder.subject;
    this.dataSchema = builder.dataSchema;
    this.dataContentType = builder.dataContentType;
    this.data = builder.data;
    this.extensions = builder.extensions == null ? Map.of() : Map.copyOf(builder.extensions);
    this.delivery = builder.delivery;
    this.received = null;
  }

  private Event(String type, T data, CloudEventHeaders.Attributes received) {
    this.id = null;
    this.source = received.source();
    this.type = type;
    this.time = null;
    this.subject = null;
    this.dataSchema = received.dataSchema();
    this.dataContentType = received.contentType();
    this.data = data;
    this.extensions = received.extensions();
    this.delivery = null;
    this.received = received;
  }

  private static <T> Event<T> received(String type, T data, CloudEventHeaders.Attributes attributes) {
    return new Event<>(type, data, attributes);
  }

  /**
   * A builder for an event of {@code type} carrying {@code data}; the id defaults to a random
   * UUID, the time to now (UTC, microseconds), the source to the publisher's.
   */
  public static <T> Builder<T> of(EventType<T> type, T data) {
    return new Builder<T>(type.name()).data(data);
  }

  /** {@code ce_id}: unique per source; consumers de-duplicate by it. */
  public String id() {
    return received == null ? id : received.id();
  }

  /** {@code ce_source}; empty on an event not yet published when the publisher supplies it. */
  public Optional<URI> source() {
    return Optional.ofNullable(source);
  }

  /** {@code ce_type}. */
  public String type() {
    return type;
  }

  /** {@code ce_time}, UTC; for a received event without one, the record's timestamp. */
  public OffsetDateTime time() {
    return received == null ? time : received.time();
  }

  /** {@code ce_subject}, e.g. the job id of a job event. */
  public Optional<String> subject() {
    return Optional.ofNullable(received == null ? subject : received.subject());
  }

  /** {@code ce_dataschema}. */
  public Optional<URI> dataSchema() {
    return Optional.ofNullable(dataSchema);
  }

  /** {@code content-type} of the payload; always {@value #JSON} for events the SDK writes. */
  public String dataContentType() {
    return dataContentType;
  }

  /** The payload; {@code null} for a record without value (a tombstone). */
  public T data() {
    return data;
  }

  /** Extension attributes by lower-case name ({@code traceparent}, {@code requestid}, yours). */
  public Map<String, String> extensions() {
    return extensions;
  }

  /** The {@code traceparent} extension. */
  public Optional<String> traceparent() {
    return Optional.ofNullable(extensions.get(TRACEPARENT));
  }

  /** The {@code requestid} extension. */
  public Optional<String> requestId() {
    return Optional.ofNullable(extensions.get(REQUEST_ID));
  }

  /** Where a received event came from; empty on events built for publishing. */
  public Optional<Delivery> delivery() {
    return Optional.ofNullable(deliveryOrNull());
  }

  private Delivery deliveryOrNull() {
    return received == null ? delivery : received.delivery();
  }

  /** A builder with this event's attributes, e.g. to republish with another payload. */
  public Builder<T> toBuilder() {
    Builder<T> builder = new Builder<T>(type).id(id()).time(time()).data(data);
    builder.source = source;
    builder.subject = subject().orElse(null);
    builder.dataSchema = dataSchema;
    builder.dataContentType = dataContentType;
    if (!extensions.isEmpty()) {
      builder.extensions = new LinkedHashMap<>(extensions);
    }
    builder.delivery = deliveryOrNull();
    return builder;
  }

  @Override
  public String toString() {
    return "Event{id=" + id() + ", type=" + type + ", source=" + source + ", subject=" + subject().orElse(null) + "}";
  }

  /**
   * Builds an {@link Event}. Not thread-safe.
   *
   * @param <T> the payload type
   */
  public static final class Builder<T> {
    private final String type;
    private String id;
    private URI source;
    private OffsetDateTime time;
    private String subject;
    private URI dataSchema;
    private String dataContentType = JSON;
    private T data;
    private Map<String, String> extensions;
    private Delivery delivery;

    Builder(String type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** {@code ce_id}; default a random UUID. */
    public Builder<T> id(String id) {
      this.id = requireText(id, "id");
      return this;
    }

    /** {@code ce_source}; default the publisher's source. */
    public Builder<T> source(URI source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** {@code ce_time}; default now. Converted to UTC. */
    public Builder<T> time(OffsetDateTime time) {
      this.time = Objects.requireNonNull(time, "time").withOffsetSameInstant(ZoneOffset.UTC);
      return this;
    }

    /** {@code ce_subject}, e.g. the id of the resource the event is about. */
    public Builder<T> subject(String subject) {
      this.subject = requireText(subject, "subject");
      return this;
    }

    /** {@code ce_dataschema}. */
    public Builder<T> dataSchema(URI dataSchema) {
      this.dataSchema = Objects.requireNonNull(dataSchema, "dataSchema");
      return this;
    }

    /** The payload. */
    public Builder<T> data(T data) {
      this.data = data;
      return this;
    }

    /** The W3C {@code traceparent} of the current span. */
    public Builder<T> traceparent(String traceparent) {
      return extension(TRACEPARENT, traceparent);
    }

    /** The {@code X-Request-ID} of the request that caused this event. */
    public Builder<T> requestId(String requestId) {
      return extension(REQUEST_ID, requestId);
    }

    /**
     * An extension attribute, sent as header {@code ce_<name>}.
     *
     * @throws IllegalArgumentException if the name is not 1-20 lower-case letters or digits (the
     *     CloudEvents rule) or is a core attribute
     */
    public Builder<T> extension(String name, String value) {
      if (!EXTENSION_NAME.matcher(name).matches() || RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "extension name must be 1-20 lower-case letters or digits and not a core attribute: " + name);
      }
      extensions().put(name, requireText(value, name));
      return this;
    }

    /**
     * An extension attribute as it was received, kept even with a name {@link #extension} would
     * refuse. For code that rebuilds events from records (the subscriber, replay tools); publishers
     * use {@link #extension}.
     */
    public Builder<T> receivedExtension(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      extensions().put(name, value);
      return this;
    }

    private Map<String, String> extensions() {
      if (extensions == null) {
        extensions = new LinkedHashMap<>();
      }
      return extensions;
    }

    /**
     * The {@code content-type} the event was received with; default {@code application/json}.
     * Publishers always send JSON; this is for received events (and handler tests).
     */
    public Builder<T> dataContentType(String dataContentType) {
      this.dataContentType = Objects.requireNonNull(dataContentType, "dataContentType");
      return this;
    }

    /**
     * Where a received event was read from; set by the subscriber, or by a handler test. Publishers
     * ignore it.
     */
    public Builder<T> delivery(Delivery delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery");
      return this;
    }

    /** The event; id and time get their defaults here, so received events never pay for them. */
    public Event<T> build() {
      if (id == null) {
        id = UUID.randomUUID().toString();
      }
      if (time == null) {
        time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      }
      return new Event<>(this);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value;
    }
  }
}
