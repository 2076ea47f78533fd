package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The public face of the SDK's RFC 3339 reading and writing, as other modules (sdk-kafka's ce_time) use it. */
class Rfc3339Test {
  @Test
  void writesWhatIsoOffsetDateTimeWritesAndReadsItBack() {
    OffsetDateTime time = OffsetDateTime.of(2026, 12, 7, 6, 30, 0, 123_400_000, ZoneOffset.ofHours(2));

    String text = Rfc3339.format(time);

    assertThat(text).isEqualTo("2026-12-07T06:30:00.1234+02:00");
    assertThat(Rfc3339.parse(text)).isEqualTo(time);
    assertThat(Rfc3339.parse("2026-12-07T04:30:00.1234Z").toInstant()).isEqualTo(time.toInstant());
  }

  @Test
  void refusesTextThatIsNoDateTimeWithDateTimeException() {
    assertThatThrownBy(() -> Rfc3339.parse("yesterday")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Rfc3339.parse("2026-13-07T06:30:00Z")).isInstanceOf(DateTimeException.class);
  }
}
