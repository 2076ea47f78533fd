package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Rfc3339;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/** The byte-level check of {@code ce_time} accepts only what the full parser reads, and what publishers write. */
class CanonicalTimeTest {

  @Property(tries = 5_000)
  void whatTheCheckAcceptsTheParserReads(@ForAll("texts") String text) {
    if (CanonicalTime.isValid(utf8(text))) {
      assertThatCode(() -> Rfc3339.parse(text)).as(text).doesNotThrowAnyException();
    }
  }

  @Property(tries = 2_000)
  void everyTimeAPublisherWritesPassesTheCheck(@ForAll("values") OffsetDateTime value) {
    assertThat(CanonicalTime.isValid(utf8(Rfc3339.format(value)))).as(Rfc3339.format(value)).isTrue();
  }

  @Property(tries = 1_000)
  void wholeMinutesWithoutSecondsPassTheCheck(@ForAll("values") OffsetDateTime value) {
    String text = value.withSecond(0).withNano(0).toString(); // "…T12:00Z", as OffsetDateTime.toString writes it

    assertThat(CanonicalTime.isValid(utf8(text))).as(text).isTrue();
  }

  @Property(tries = 3_000)
  void aTimeReadFromHeadersIsRefusedOrReadExactlyAsTheParserReadsIt(@ForAll("texts") String text) {
    RecordHeaders headers = CloudEventHeadersTest.headers("1.0", "application/json");
    headers.add(CloudEventHeaders.TIME, utf8(text));

    assertThat(lazilyRead(headers)).as(text).isEqualTo(parsed(text));
  }

  /** The event's time, or the reason and message of the record's refusal (never a refusal later, on access). */
  private static Object lazilyRead(RecordHeaders headers) {
    Event<String> event;
    try {
      event = CloudEventHeadersTest.received(headers);
    } catch (InvalidEventException e) {
      return e.reason() + ": " + e.getMessage();
    }
    return event.time();
  }

  /** What the subscriber read before it read times lazily: parsed at once, refused at once. */
  private static Object parsed(String text) {
    try {
      return Rfc3339.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return InvalidEventException.Reason.NOT_A_CLOUDEVENT + ": ce_time header is not an RFC 3339 timestamp";
    }
  }

  @Test
  void timesOfTheCanonicalShapeWithAFieldOutOfRangeFailTheCheck() {
    for (String text : new String[] {"2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z",
        "2026-01-01T00:00:60Z", "2026-01-01T00:00:00+18:01", "2026-01-01T00:00:00-19:00",
        "2026-01-01T00:00:00+01:60", "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00.Z",
        "2026-01-01t00:00:00Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00", "2026-01-01T00:00:00+0100",
        "2026-01-01T00:00:00+01", "2026-01-01T00:00Z ", " 2026-01-01T00:00Z", "2026-01-01T00:00:0Z",
        "2026-01-01T00:00:00+01:00:30", "２026-01-01T00:00:00Z", "2026-01-01T00:00:00.5+01:00x"}) {
      assertThat(CanonicalTime.isValid(utf8(text))).as(text).isFalse();
    }
  }

  @Test
  void leapDaysAndTheWidestOffsetsPassTheCheck() {
    for (String text : new String[] {"2024-02-29T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
        "0000-01-01T00:00:00+18:00", "9999-12-31T23:59:59-18:00", "2026-12-07T18:00:00.5-00:30"}) {
      assertThat(CanonicalTime.isValid(utf8(text))).as(text).isTrue();
    }
    assertThat(CanonicalTime.isValid(utf8("1900-02-29T00:00:00Z"))).isFalse();
  }

  /**
   * Formatted date-times of any precision and offset, with and without seconds, some with one
   * character replaced, some cut, some with fields around the edges of their ranges.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> canonical = values().map(Rfc3339::format);
    Arbitrary<String> wholeMinutes = values().map(value -> value.withSecond(0).withNano(0).toString());
    Arbitrary<String> written = Arbitraries.oneOf(canonical, wholeMinutes);
    Arbitrary<String> mutated = Combinators.combine(written, Arbitraries.integers().between(0, 40),
            Arbitraries.of('0', '1', '2', '3', '5', '6', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', 'x', '٣'))
        .as((text, at, replacement) -> at >= text.length() ? text + replacement
            : text.substring(0, at) + replacement + text.substring(at + 1));
    Arbitrary<String> cut = Combinators.combine(written, Arbitraries.integers().between(0, 40))
        .as((text, length) -> text.substring(0, Math.min(length, text.length())));
    Arbitrary<String> outOfRange = Combinators.combine(
            Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 25),
            Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61),
            Arbitraries.of("Z", "+18:00", "+18:01", "-19:00", "+05:30", "+00:99", "-24:00"))
        .as((year, month, day, hour, minute, second, offset) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s",
            year, month, day, hour, minute, second, offset));
    return Arbitraries.oneOf(canonical, wholeMinutes, mutated, cut, outOfRange);
  }

  /** Years 0–9999, offsets in whole minutes up to ±18:00, 0–9 fraction digits. */
  @Provide
  Arbitrary<OffsetDateTime> values() {
    return Combinators.combine(
            Arbitraries.longs().between(-62_167_219_200L + 64_800, 253_402_300_799L - 64_800),
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(-1_080, 1_080),
            Arbitraries.integers().between(0, 9))
        .as((seconds, nanos, minutes, digits) -> OffsetDateTime.ofInstant(
            Instant.ofEpochSecond(seconds, truncate(nanos, digits)), ZoneOffset.ofTotalSeconds(minutes * 60)));
  }

  private static int truncate(int nanos, int digits) {
    int unit = 1;
    for (int i = digits; i < 9; i++) {
      unit *= 10;
    }
    return nanos / unit * unit;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
