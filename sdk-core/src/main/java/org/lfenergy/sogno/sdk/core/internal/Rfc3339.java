package org.lfenergy.sogno.sdk.core.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes RFC 3339 timestamps (JSON date-times, CloudEvents' {@code ce_time}). The canonical
 * shape {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±hh:mm)} is read and written by hand, an order of
 * magnitude cheaper than {@link DateTimeFormatter} on every body or record; anything else falls back
 * to it.
 */
public final class Rfc3339 {
  /** Room for the longest text {@link #formatCanonical} writes. */
  public static final int MAX_CANONICAL_LENGTH = 35;

  private Rfc3339() {}

  /**
   * @throws DateTimeException if {@code text} is not an RFC 3339 date-time
   */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime fast = parseCanonical(text);
    return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * The date-time, or null when {@code text} is not in the canonical shape (the caller falls back).
   *
   * @throws DateTimeException when it has the shape but a field is out of range (month 13, February 30)
   */
  public static OffsetDateTime parseCanonical(String text) {
    int length = text.length();
    if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = 0;
    int position = 16;
    int nanos = 0;
    // OffsetDateTime.toString() leaves out the seconds of whole minutes ("12:00Z"); services send that too.
    if (text.charAt(position) == ':') {
      if (length < 20) {
        return null;
      }
      second = digits(text, 17, 2);
      position = 19;
      if (text.charAt(position) == '.') {
        int start = ++position;
        while (position < length && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
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
    }
    if ((year | month | day | hour | minute | second | nanos) < 0) {
      return null;
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

  /** {@code value} as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes it. */
  public static String format(OffsetDateTime value) {
    char[] text = new char[MAX_CANONICAL_LENGTH];
    int length = formatCanonical(value, text);
    return length > 0 ? new String(text, 0, length) : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /**
   * Writes {@code value} as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} does (seconds always, the
   * fraction without trailing zeros, {@code Z} for UTC) into {@code out}, which holds at least {@link
   * #MAX_CANONICAL_LENGTH} chars.
   *
   * @return the length written, or -1 for values outside the canonical shape (years outside 0–9999,
   *     offsets with seconds), which the caller formats the slow way
   */
  public static int formatCanonical(OffsetDateTime value, char[] out) {
    int year = value.getYear();
    int offsetSeconds = value.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
      return -1;
    }
    int at = write(out, 0, year, 4);
    out[at++] = '-';
    at = write(out, at, value.getMonthValue(), 2);
    out[at++] = '-';
    at = write(out, at, value.getDayOfMonth(), 2);
    out[at++] = 'T';
    at = write(out, at, value.getHour(), 2);
    out[at++] = ':';
    at = write(out, at, value.getMinute(), 2);
    out[at++] = ':';
    at = write(out, at, value.getSecond(), 2);
    int nanos = value.getNano();
    if (nanos > 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      out[at++] = '.';
      at = write(out, at, nanos, digits);
    }
    if (offsetSeconds == 0) {
      out[at++] = 'Z';
      return at;
    }
    out[at++] = offsetSeconds < 0 ? '-' : '+';
    int offsetMinutes = Math.abs(offsetSeconds) / 60;
    at = write(out, at, offsetMinutes / 60, 2);
    out[at++] = ':';
    return write(out, at, offsetMinutes % 60, 2);
  }

  /** Writes {@code value} as exactly {@code count} decimal digits, zero-padded; returns the next index. */
  private static int write(char[] out, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + count;
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
