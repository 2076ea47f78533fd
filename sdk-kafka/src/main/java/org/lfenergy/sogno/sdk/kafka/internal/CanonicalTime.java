package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Year;
import org.lfenergy.sogno.sdk.core.Rfc3339;

/**
 * A check of a {@code ce_time} header value on its bytes, so that a record can be accepted without
 * building its {@code OffsetDateTime} yet. It knows the canonical shape the SDK's publishers write,
 * {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±hh:mm)}, with every field in range (the day within its
 * month, the offset within ±18:00).
 *
 * <p>Sound, not complete: {@link #isValid} is true only for text that {@link Rfc3339#parse} reads
 * without error (a property test holds it to that). False means "not sure": the caller then parses the
 * text at once, as it always did, so a malformed time is still refused when the record is read.
 * Stateless and thread-safe.
 */
final class CanonicalTime {
  private CanonicalTime() {}

  /** Whether {@code text} is a canonical RFC 3339 date-time that {@link Rfc3339#parse} accepts. */
  static boolean isValid(byte[] text) {
    int length = text.length;
    if (length < 17 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':') {
      return false;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return false;
    }
    int position = 16;
    if (text[position] == ':') {
      if (length < 20) {
        return false;
      }
      int second = digits(text, 17, 2);
      if (second < 0 || second > 59) {
        return false;
      }
      position = 19;
      if (text[position] == '.') {
        int start = ++position;
        while (position < length && text[position] >= '0' && text[position] <= '9') {
          position++;
        }
        int count = position - start;
        if (count == 0 || count > 9) {
          return false;
        }
      }
    }
    return isValidOffset(text, position);
  }

  private static boolean isValidOffset(byte[] text, int position) {
    int remaining = text.length - position;
    if (remaining == 1) {
      return text[position] == 'Z';
    }
    if (remaining != 6 || (text[position] != '+' && text[position] != '-') || text[position + 3] != ':') {
      return false;
    }
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    return hours >= 0 && minutes >= 0 && minutes <= 59 && hours * 60 + minutes <= 18 * 60;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2: return Year.isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** The number in {@code count} ASCII digits from {@code start}, or -1. */
  private static int digits(byte[] text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      byte c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
