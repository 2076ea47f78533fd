package org.lfenergy.sogno.sdk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of every raw baseline: the Jackson mapper a developer configures without the SDK, with the
 * stock {@link JavaTimeModule} and the SDK's wire choices (ISO-8601 date-times, offsets kept, unknown
 * properties ignored), so both sides read and write the same documents.
 */
public final class RawJackson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private RawJackson() {}

  /** The shared mapper (thread-safe once built). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
