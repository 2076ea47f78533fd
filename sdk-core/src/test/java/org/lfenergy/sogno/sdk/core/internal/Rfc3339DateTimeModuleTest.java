package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Date-times read and written through the module are exactly what Jackson's JavaTimeModule reads and writes, errors included. */
class Rfc3339DateTimeModuleTest {
  private static final ObjectMapper JACKSON = mapper(false);
  private static final ObjectMapper FAST = mapper(true);

  record Reading(OffsetDateTime at, Instant received) {}

  record Formatted(@JsonFormat(pattern = "dd.MM.yyyy HH:mm:ss XXX") OffsetDateTime at) {}

  @Property(tries = 3_000)
  void readsCanonicalAndMalformedDateTimesAsJacksonDoes(@ForAll("dateTimes") String text) {
    String json = "{\"at\":\"" + text + "\",\"received\":\"" + text + "\"}";
    assertThat(outcome(FAST, json)).as(text).isEqualTo(outcome(JACKSON, json));
  }

  @Property(tries = 2_000)
  void writesDateTimesAsJacksonDoes(@ForAll("values") OffsetDateTime value) throws Exception {
    Reading reading = new Reading(value, value.toInstant());

    assertThat(FAST.writeValueAsString(reading)).isEqualTo(JACKSON.writeValueAsString(reading));
    assertThat(FAST.writeValueAsString(new Formatted(value))).isEqualTo(JACKSON.writeValueAsString(new Formatted(value)));
  }

  @Test
  void leavesTimestampsAndAnExplicitTimeZoneToJackson() throws Exception {
    OffsetDateTime value = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 500_000_000, ZoneOffset.ofHours(1));
    for (ObjectMapper[] pair : new ObjectMapper[][] {
        {FAST.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            JACKSON.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)},
        {FAST.copy().setTimeZone(TimeZone.getTimeZone("Europe/Berlin")),
            JACKSON.copy().setTimeZone(TimeZone.getTimeZone("Europe/Berlin"))}}) {
      assertThat(pair[0].writeValueAsString(value)).isEqualTo(pair[1].writeValueAsString(value));
    }
    assertThat(FAST.writeValueAsString(value)).isEqualTo("\"2026-11-27T12:00:00.5+01:00\"");
  }

  @Test
  void readsNumbersAndOtherShapesThroughJackson() {
    for (String value : new String[] {"1764240000", "1764240000.5", "\"1764240000\"", "\"2026-11-27T12:00Z\"",
        "\" 2026-11-27T12:00:00Z \"", "\"2026-11-27t12:00:00z\"", "\"2026-11-27T12:00:00+00\"", "\"\"", "null",
        "\"2026-13-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"2026-11-27T24:00:00Z\"", "true", "[]"}) {
      String json = "{\"at\":" + value + ",\"received\":" + value + "}";
      assertThat(outcome(FAST, json)).as(value).isEqualTo(outcome(JACKSON, json));
    }
  }

  @Test
  void stepsAsideForAPropertysJsonFormat() throws Exception {
    Formatted read = FAST.readValue("{\"at\":\"27.11.2026 12:00:00 +01:00\"}", Formatted.class);

    assertThat(read.at()).isEqualTo(OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.ofHours(1)));
  }

  @Test
  void leavesMovingOffsetsToTheContextZoneToJackson() throws Exception {
    ObjectMapper adjusting = FAST.copy().enable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .setTimeZone(TimeZone.getTimeZone("UTC"));

    OffsetDateTime read = adjusting.readValue("\"2026-11-27T12:00:00+01:00\"", OffsetDateTime.class);

    assertThat(read).isEqualTo(OffsetDateTime.of(2026, 11, 27, 11, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void wrapsOnlyJacksonsOwnDateTimeDeserializersAndSerializer() throws Exception {
    assertThat(rootDeserializer(OffsetDateTime.class)).isInstanceOf(Rfc3339DateTimeModule.FastDateTimeDeserializer.class);
    assertThat(rootDeserializer(Instant.class)).isInstanceOf(Rfc3339DateTimeModule.FastDateTimeDeserializer.class);
    assertThat(rootDeserializer(java.time.ZonedDateTime.class))
        .isNotInstanceOf(Rfc3339DateTimeModule.FastDateTimeDeserializer.class);
    assertThat(FAST.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class, null))
        .as("contextual, as Jackson uses it").isInstanceOf(Rfc3339DateTimeModule.FastOffsetDateTimeSerializer.class);
  }

  /**
   * Formatted date-times of any precision and offset (also as {@code OffsetDateTime.toString()} writes
   * whole minutes, without seconds), some with one character replaced, some cut.
   */
  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<String> canonical = commonValues().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
    Arbitrary<String> mutated = Combinators.combine(canonical, Arbitraries.integers().between(0, 40),
            Arbitraries.of('0', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', 'x'))
        .as((text, at, replacement) -> at >= text.length() ? text + replacement
            : text.substring(0, at) + replacement + text.substring(at + 1));
    Arbitrary<String> cut = Combinators.combine(canonical, Arbitraries.integers().between(0, 40))
        .as((text, length) -> text.substring(0, Math.min(length, text.length())));
    Arbitrary<String> wholeMinutes = Combinators.combine(
            Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L), Arbitraries.integers().between(-36, 36))
        .as((minutes, halfHours) -> OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(minutes * 60), ZoneOffset.ofTotalSeconds(halfHours * 1800)).toString());
    return Arbitraries.oneOf(canonical, wholeMinutes, mutated, cut);
  }

  /** Any date-time java.time can hold, at any precision and offset (some with seconds in the offset). */
  @Provide
  Arbitrary<OffsetDateTime> values() {
    Arbitrary<OffsetDateTime> extreme = Combinators.combine(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond() / 2, Instant.MAX.getEpochSecond() / 2),
            Arbitraries.integers().between(-64_800, 64_800))
        .as((seconds, offset) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds(offset)));
    return Arbitraries.oneOf(commonValues(), extreme);
  }

  /** Years 1–9999, half-hour offsets, 0–9 fraction digits: what services send. */
  private static Arbitrary<OffsetDateTime> commonValues() {
    return Combinators.combine(
            Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(-36, 36),
            Arbitraries.integers().between(0, 9))
        .as((seconds, nanos, halfHours, digits) -> OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(seconds, Rfc3339Test.truncate(nanos, digits)), ZoneOffset.ofTotalSeconds(halfHours * 1800)));
  }

  /** The value read, or the failure's type and message. */
  private static Object outcome(ObjectMapper mapper, String json) {
    try {
      return mapper.readValue(json, Reading.class);
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static JsonDeserializer<Object> rootDeserializer(Class<?> type) throws Exception {
    JavaType javaType = FAST.constructType(type);
    return ((DefaultDeserializationContext) FAST.getDeserializationContext())
        .createDummyInstance(FAST.getDeserializationConfig())
        .findRootValueDeserializer(javaType);
  }

  private static ObjectMapper mapper(boolean fast) {
    JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    if (fast) {
      builder.addModule(new Rfc3339DateTimeModule());
    }
    return builder.build();
  }
}
