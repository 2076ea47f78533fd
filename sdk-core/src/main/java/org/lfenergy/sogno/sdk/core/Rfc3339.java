package org.lfenergy.sogno.sdk.core;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * RFC 3339 date-times as the SDK reads and writes them everywhere (JSON bodies through {@link
 * SognoJson}, CloudEvents' {@code ce_time} in {@code sogno-sdk-kafka}), for modules and services that
 * need the same text outside JSON. The common shape {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±hh:mm)}
 * is handled without {@link java.time.format.DateTimeFormatter}, so it is cheap per record.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rfc3339 {
  private Rfc3339() {}

  /**
   * The date-time in {@code text}, with the offset it was written with.
   *
   * @throws DateTimeException if {@code text} is not an RFC 3339 date-time
   * @throws NullPointerException if {@code text} is null
   */
  public static OffsetDateTime parse(String text) {
    return org.lfenergy.sogno.sdk.core.internal.Rfc3339.parse(text);
  }

  /**
   * {@code value} as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes it: seconds always, the
   * fraction without trailing zeros, {@code Z} for UTC.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static String format(OffsetDateTime value) {
    return org.lfenergy.sogno.sdk.core.internal.Rfc3339.format(value);
  }
}
