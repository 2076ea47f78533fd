package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final EventType<String> TEXT = EventType.of("org.lfenergy.sogno.test.text.v1", String.class);

  @Test
  void defaultsToARandomIdTheCurrentTimeInUtcAndJson() {
    Event<String> first = Event.of(TEXT, "a").build();
    Event<String> second = Event.of(TEXT, "a").build();

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.time().getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(first.dataContentType()).isEqualTo("application/json");
    assertThat(first.source()).isEmpty();
    assertThat(first.delivery()).isEmpty();
  }

  @Test
  void carriesTraceContextAndRequestIdAsExtensions() {
    Event<String> event = Event.of(TEXT, "a")
        .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .requestId("req-1")
        .time(OffsetDateTime.parse("2026-01-01T01:00:00+01:00"))
        .source(URI.create("/sogno/test"))
        .build();

    assertThat(event.traceparent()).hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(event.requestId()).hasValue("req-1");
    assertThat(event.extensions()).containsKeys("traceparent", "requestid");
    assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void refusesExtensionNamesCloudEventsForbids() {
    assertThatThrownBy(() -> Event.of(TEXT, "a").extension("Request-Id", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Event.of(TEXT, "a").extension("type", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Event.of(TEXT, "a").extension("averyveryverylongextensionname", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesEventTypesWithUnsafeCharacters() {
    assertThatThrownBy(() -> EventType.of("org sogno\njob", String.class)).isInstanceOf(IllegalArgumentException.class);
  }
}
