package org.lfenergy.sogno.sdk.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lfenergy.sogno.sdk.core.internal.ProblemJsonModule;
import org.lfenergy.sogno.sdk.core.internal.Rfc3339DateTimeModule;

/**
 * The SDK's JSON configuration: reads and writes JSON the way every SOGNO service and client does.
 *
 * <p>Defaults: {@code java.time} values as ISO-8601 strings (offsets kept, never epoch numbers),
 * unknown properties ignored, unknown enum constants read as the {@code @JsonEnumDefaultValue} where
 * one exists, {@code null} members not written, trailing garbage after a document rejected, no
 * default typing, and {@code StreamReadConstraints} limits (nesting depth {@value
 * #DEFAULT_MAX_NESTING_DEPTH}, documents up to {@value #DEFAULT_MAX_DOCUMENT_LENGTH} bytes). {@link
 * Problem} is read and written as RFC 9457 {@code application/problem+json} with unknown members kept.
 *
 * <p>Instances are immutable and thread-safe; build one per configuration and share it. There is no
 * global mapper: adjust a copy through {@link #builder()} and {@link JsonCustomizer}.
 *
 * <p>Every method throws {@link JsonException} (unchecked) when input is malformed or a value cannot
 * be written; Jackson's own exceptions never escape.
 */
public final class SognoJson {
  /** Deepest nesting of arrays and objects accepted by default. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 256;
  /** Largest document, in bytes, accepted by default (64 MiB). */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

  private static final SognoJson DEFAULTS = builder().build();

  private final ObjectMapper mapper;
  private final Builder configuration;

  private SognoJson(ObjectMapper mapper, Builder configuration) {
    this.mapper = mapper;
    this.configuration = configuration;
  }

  /** The shared instance with the SDK defaults. */
  public static SognoJson defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the SDK defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Writes {@code value} as UTF-8 JSON. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException | RuntimeException e) {
      throw new JsonException("Cannot write " + typeName(value) + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes {@code value} as a JSON string. */
  public String writeString(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException | RuntimeException e) {
      throw new JsonException("Cannot write " + typeName(value) + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Reads UTF-8 (or UTF-16/32, auto-detected) JSON as {@code type}. */
  public <T> T read(byte[] json, Class<T> type) {
    return read(json, mapper.constructType(type));
  }

  /** Reads UTF-8 JSON as the generic type captured by {@code type}. */
  public <T> T read(byte[] json, TypeRef<T> type) {
    return read(json, mapper.constructType(type.type()));
  }

  /** Reads a JSON string as {@code type}. */
  public <T> T read(String json, Class<T> type) {
    return read(json, mapper.constructType(type));
  }

  /** Reads a JSON string as the generic type captured by {@code type}. */
  public <T> T read(String json, TypeRef<T> type) {
    return read(json, mapper.constructType(type.type()));
  }

  /**
   * Reads any JSON document without a target type: objects become {@code Map<String,Object>} (member
   * order kept), arrays {@code List<Object>}, and scalars {@code String}, {@code Number}, {@code
   * Boolean} or {@code null}.
   */
  public Object readUntyped(byte[] json) {
    return read(json, mapper.constructType(Object.class));
  }

  /** Converts a value to another type through its JSON form, e.g. a {@code Map} into a model class. */
  public <T> T convert(Object value, Class<T> type) {
    return convert(value, mapper.constructType(type));
  }

  /** Converts a value to the generic type captured by {@code type} through its JSON form. */
  public <T> T convert(Object value, TypeRef<T> type) {
    return convert(value, mapper.constructType(type.type()));
  }

  /** A builder starting from this instance's configuration (its customizers kept). */
  public Builder toBuilder() {
    return configuration.copy();
  }

  private <T> T read(byte[] json, JavaType type) {
    Objects.requireNonNull(json, "json");
    return parse(type, () -> mapper.readValue(json, type));
  }

  private <T> T read(String json, JavaType type) {
    Objects.requireNonNull(json, "json");
    return parse(type, () -> mapper.readValue(json, type));
  }

  /** Jackson's read, with its exceptions turned into {@link JsonException}. */
  private interface Parse<T> {
    T run() throws IOException;
  }

  private static <T> T parse(JavaType type, Parse<T> parse) {
    try {
      return parse.run();
    } catch (IOException | RuntimeException e) {
      throw malformed(type, e);
    }
  }

  private <T> T convert(Object value, JavaType type) {
    try {
      return mapper.convertValue(value, type);
    } catch (RuntimeException e) {
      throw new JsonException("Cannot convert " + typeName(value) + " to " + type.toCanonical() + ": "
          + rootMessage(e), e);
    }
  }

  private static JsonException malformed(JavaType type, Exception e) {
    return new JsonException("Malformed JSON for " + type.toCanonical() + ": " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException
        ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage()
        : root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  /**
   * Builds a {@link SognoJson}. Not thread-safe; the built instance is.
   */
  public static final class Builder {
    private final List<JsonCustomizer> customizers = new ArrayList<>();
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private long maxDocumentLength = DEFAULT_MAX_DOCUMENT_LENGTH;

    private Builder() {}

    /** Adds a hook that adjusts the Jackson mapper; hooks run in the order added, after the defaults. */
    public Builder customize(JsonCustomizer customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    /** Deepest nesting of arrays and objects accepted when reading; default {@value #DEFAULT_MAX_NESTING_DEPTH}. */
    public Builder maxNestingDepth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("maxNestingDepth must be positive: " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /** Largest document accepted when reading, in bytes; default 64 MiB. */
    public Builder maxDocumentLength(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxDocumentLength must be positive: " + bytes);
      }
      this.maxDocumentLength = bytes;
      return this;
    }

    /**
     * @throws IllegalStateException when a customizer enabled default typing, which would let JSON
     *     input choose the Java classes to instantiate
     */
    public SognoJson build() {
      JsonMapper.Builder builder = defaultsBuilder();
      customizers.forEach(customizer -> customizer.customize(builder));
      JsonMapper mapper = builder.build();
      if (mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class)) != null) {
        throw new IllegalStateException("Default typing is not allowed: it lets JSON input choose Java classes."
            + " Map type names through an explicit allow-list instead.");
      }
      return new SognoJson(mapper, copy());
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.customizers.addAll(customizers);
      copy.maxNestingDepth = maxNestingDepth;
      copy.maxDocumentLength = maxDocumentLength;
      return copy;
    }

    private JsonMapper.Builder defaultsBuilder() {
      JsonFactory factory = JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(maxNestingDepth)
              .maxDocumentLength(maxDocumentLength)
              .build())
          .build();
      return JsonMapper.builder(factory)
          .addModule(new JavaTimeModule())
          .addModule(new Rfc3339DateTimeModule())
          .addModule(new ProblemJsonModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));
    }
  }
}
