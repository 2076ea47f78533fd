package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339Test {
  @Test
  void readsAndWritesWhatDateTimeFormatterDoesForAnyInstantOffsetAndPrecision() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36) - 18) * 1800);
      int precision = random.nextInt(10);
      String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          OffsetDateTime.ofInstant(instant, offset).withNano(truncate(instant.getNano(), precision)));

      assertThat(Rfc3339.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      assertThat(Rfc3339.format(Rfc3339.parse(text))).as("written back").isEqualTo(text);
    }
  }

  @Test
  void readsTheShapesCloudEventsProducersWrite() {
    assertThat(Rfc3339.parse("2026-11-27T12:00:00Z")).isEqualTo(OffsetDateTime.parse("2026-11-27T12:00:00Z"));
    assertThat(Rfc3339.parse("2026-11-27T12:00:00.5+01:00")).isEqualTo(OffsetDateTime.parse("2026-11-27T12:00:00.5+01:00"));
    assertThat(Rfc3339.parse("2026-11-27T12:00:00.123456789-05:30").getNano()).isEqualTo(123_456_789);
    assertThat(Rfc3339.parseCanonical("2026-11-27T12:00Z")).as("java.time's whole minutes")
        .isEqualTo(OffsetDateTime.parse("2026-11-27T12:00:00Z"));
    assertThat(Rfc3339.parseCanonical("2026-11-27T12:00-01:30"))
        .isEqualTo(OffsetDateTime.parse("2026-11-27T12:00:00-01:30"));
  }

  @Test
  void writesValuesOutsideTheCanonicalShapeAsDateTimeFormatterDoes() {
    for (OffsetDateTime value : new OffsetDateTime[] {
        OffsetDateTime.of(12026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30))}) {
      assertThat(Rfc3339.formatCanonical(value, new char[Rfc3339.MAX_CANONICAL_LENGTH])).as("%s", value).isEqualTo(-1);
      assertThat(Rfc3339.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  @Test
  void leavesOtherShapesToTheFallback() {
    for (String text : new String[] {"2026-11-27T12:00.5Z", "2026-11-27T12:00:00", "2026-11-27T12:00:00.Z",
        "2026-11-27T12:00:00.1234567890Z", "2026-11-27t12:00:00Z", "2026-11-27T12:00:00+0100",
        "2026-11-27T12:00:00+01:00:00", "+12026-11-27T12:00:00Z", "2026-11-27T12:00:00.\u0661Z"}) {
      assertThat(Rfc3339.parseCanonical(text)).as(text).isNull();
    }
  }

  @Test
  void refusesWhatIsNotADateTime() {
    assertThatThrownBy(() -> Rfc3339.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse("2026-11-27 12:00:00Z")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse("2026-11-27T12:00:00")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse("yesterday")).isInstanceOf(DateTimeException.class);
  }

  /** {@code nanos} cut to {@code digits} fraction digits. */
  static int truncate(int nanos, int digits) {
    int unit = (int) Math.pow(10, 9 - digits);
    return nanos / unit * unit;
  }
}
