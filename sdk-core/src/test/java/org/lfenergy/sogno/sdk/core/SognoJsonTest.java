package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SognoJsonTest {
  record Reading(String id, OffsetDateTime at, Duration window, double voltage) {}

  private final SognoJson json = SognoJson.defaults();

  @Test
  void writesJavaTimeAsIso8601AndKeepsOffsets() {
    Reading reading = new Reading("r1", OffsetDateTime.parse("2026-03-01T10:15:30+01:00"), Duration.ofMinutes(15), 230.5);

    String text = json.writeString(reading);

    assertThat(text).isEqualTo("{\"id\":\"r1\",\"at\":\"2026-03-01T10:15:30+01:00\",\"window\":\"PT15M\",\"voltage\":230.5}");
    assertThat(json.read(text, Reading.class)).isEqualTo(reading);
  }

  @Test
  void ignoresUnknownPropertiesAndOmitsNulls() {
    Reading reading = json.read("{\"id\":\"r1\",\"newField\":{\"x\":1},\"voltage\":1}".getBytes(StandardCharsets.UTF_8),
        Reading.class);

    assertThat(reading.id()).isEqualTo("r1");
    assertThat(json.writeString(reading)).doesNotContain("null").doesNotContain("\"at\"");
  }

  @Test
  void readsGenericTypesThroughTypeRef() {
    List<Map<String, Instant>> value = json.read("[{\"t\":\"2026-01-01T00:00:00Z\"}]", new TypeRef<List<Map<String, Instant>>>() {});

    assertThat(value.get(0).get("t")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void malformedInputGivesJsonExceptionNamingTheTarget() {
    assertThatThrownBy(() -> json.read("{\"id\": ", Reading.class))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Malformed JSON for")
        .hasMessageContaining("Reading");
    assertThatThrownBy(() -> json.read("{} trailing", Map.class)).isInstanceOf(JsonException.class);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep = "[".repeat(SognoJson.DEFAULT_MAX_NESTING_DEPTH + 1) + "]".repeat(SognoJson.DEFAULT_MAX_NESTING_DEPTH + 1);

    assertThatThrownBy(() -> json.readUntyped(deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void customizerCannotEnableDefaultTyping() {
    SognoJson.Builder builder = SognoJson.builder().customize(mapper -> mapper.activateDefaultTyping(
        BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build()));

    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("Default typing");
  }

  @Test
  void customizersApplyToTheirOwnInstanceOnly() {
    SognoJson lenient = SognoJson.builder()
        .customize(mapper -> mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS))
        .build();

    assertThat(lenient.readUntyped("{} trailing".getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of());
    assertThat(lenient.toBuilder().build().readUntyped("{} x".getBytes(StandardCharsets.UTF_8))).isEqualTo(Map.of());
    assertThatThrownBy(() -> SognoJson.defaults().read("{} trailing", Map.class)).isInstanceOf(JsonException.class);
  }

  @Test
  void convertsMapsIntoModels() {
    Reading reading = json.convert(Map.of("id", "r2", "voltage", 3), Reading.class);

    assertThat(reading).isEqualTo(new Reading("r2", null, null, 3));
  }
}
