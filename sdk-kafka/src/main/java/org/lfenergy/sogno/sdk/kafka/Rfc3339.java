package org.lfenergy.sogno.sdk.kafka;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Parses RFC 3339 timestamps ({@code ce_time}). The canonical shape
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)} is read by hand, an order of magnitude cheaper
 * than {@link DateTimeFormatter} on every received record; anything else falls back to it.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /**
   * @throws DateTimeException if {@code text} is not an RFC 3339 date-time
   */
  static OffsetDateTime parse(String text) {
    OffsetDateTime fast = parseCanonical(text);
    return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Null when the text is not in the canonical shape (the caller falls back). */
  private static OffsetDateTime parseCanonical(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && Character.isDigit(text.charAt(position))) {
        position++;
      }
      int count = position - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(text, start, count);
      for (int i = count; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(text, position);
    return offset == null ? null : OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
  }

  private static ZoneOffset offset(String text, int position) {
    int remaining = text.length() - position;
    if (remaining == 1 && text.charAt(position) == 'Z') {
      return ZoneOffset.UTC;
    }
    char sign = remaining == 6 ? text.charAt(position) : ' ';
    if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
      return null;
    }
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    if ((hours | minutes) < 0) {
      return null;
    }
    return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
  }

  /** The number in {@code count} ASCII digits from {@code start}, or -1. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
