package org.lfenergy.sogno.sdk.core.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads JSON date-times ({@link OffsetDateTime}, the type generated models use, and {@link Instant})
 * in their canonical RFC 3339 shape, and writes {@link OffsetDateTime}, with {@link Rfc3339} instead
 * of a {@code DateTimeFormatter}: Jackson's own reading cost ~1 µs per value, more than the rest of a
 * small body together.
 *
 * <p>It wraps the (de)serializers {@code JavaTimeModule} registered and hands them everything else,
 * so results and errors are Jackson's own: other shapes, numbers, timestamps, {@code @JsonFormat} on a
 * property (the wrapper steps aside), {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE} for offsets, and an
 * explicit mapper time zone when writing.
 */
public final class Rfc3339DateTimeModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public Rfc3339DateTimeModule() {
    super("sogno-rfc3339-date-times");
    setDeserializerModifier(new BeanDeserializerModifier() {
      private static final long serialVersionUID = 1L;

      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        boolean jacksonsOwn = deserializer.getClass() == InstantDeserializer.class;
        Class<?> type = deserializer.handledType();
        return jacksonsOwn && (type == OffsetDateTime.class || type == Instant.class)
            ? new FastDateTimeDeserializer(deserializer) : deserializer;
      }
    });
    setSerializerModifier(new BeanSerializerModifier() {
      private static final long serialVersionUID = 1L;

      @Override
      @SuppressWarnings("unchecked")
      public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
          JsonSerializer<?> serializer) {
        return serializer.getClass() == OffsetDateTimeSerializer.class
            ? new FastOffsetDateTimeSerializer((JsonSerializer<Object>) serializer) : serializer;
      }
    });
  }

  /** Writes the canonical shape by hand, unless the mapper or the property asks for something else. */
  static final class FastOffsetDateTimeSerializer extends StdSerializer<Object> implements ContextualSerializer {
    private static final long serialVersionUID = 1L;

    private final JsonSerializer<Object> jacksons;

    FastOffsetDateTimeSerializer(JsonSerializer<Object> jacksons) {
      super(OffsetDateTime.class, false);
      this.jacksons = jacksons;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      if (!provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          && !provider.getConfig().hasExplicitTimeZone()) {
        char[] text = new char[Rfc3339.MAX_CANONICAL_LENGTH];
        int length = Rfc3339.formatCanonical((OffsetDateTime) value, text);
        if (length > 0) {
          generator.writeString(text, 0, length);
          return;
        }
      }
      jacksons.serialize(value, generator, provider);
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator generator, SerializerProvider provider,
        TypeSerializer typeSerializer) throws IOException {
      jacksons.serializeWithType(value, generator, provider, typeSerializer);
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) throws JsonMappingException {
      jacksons.acceptJsonFormatVisitor(visitor, type);
    }

    /**
     * Jackson's serializer makes a contextual copy for every property; when the property (or a config
     * override for the type) asks for a format of its own, that copy works alone.
     */
    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      JsonSerializer<?> contextual = jacksons instanceof ContextualSerializer
          ? ((ContextualSerializer) jacksons).createContextual(provider, property) : jacksons;
      JsonFormat.Value format = findFormatOverrides(provider, property, handledType());
      boolean plain = format == null || format.equals(JsonFormat.Value.empty());
      return plain ? new FastOffsetDateTimeSerializer((JsonSerializer<Object>) contextual) : contextual;
    }
  }

  /** The canonical shape by hand; anything else, or a value it cannot take, by the wrapped deserializer. */
  static final class FastDateTimeDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final boolean instant;

    FastDateTimeDeserializer(JsonDeserializer<?> jacksons) {
      super(jacksons);
      this.instant = jacksons.handledType() == Instant.class;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      // Jackson moves an offset to the context's zone when asked to; Instants have none to move.
      if (parser.hasToken(JsonToken.VALUE_STRING)
          && (instant || !context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE))) {
        String text = parser.getText();
        OffsetDateTime parsed = canonical(text);
        // Jackson reads Instants with ISO_INSTANT, which wants the seconds java.time leaves out of whole minutes.
        if (parsed != null && (!instant || hasSeconds(text))) {
          return instant ? parsed.toInstant() : parsed;
        }
      }
      return _delegatee.deserialize(parser, context);
    }

    /** A property's {@code @JsonFormat} gives Jackson's deserializer a new shape: it then works alone. */
    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> contextual) {
      return contextual;
    }

    private static boolean hasSeconds(String canonical) {
      return canonical.charAt(16) == ':';
    }

    private static OffsetDateTime canonical(String text) {
      try {
        return Rfc3339.parseCanonical(text);
      } catch (DateTimeException outOfRange) {
        return null; // Jackson's deserializer reports it in its own words.
      }
    }
  }
}
