package org.lfenergy.sogno.sdk.core.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Never throws:
 * whatever a server sends gives a wait between zero and {@link #MAX} or nothing.
 */
public final class RetryAfter {
  /**
   * The longest wait a header can ask for: 2³¹ seconds (about 68 years), the value RFC 9111 §1.2.2 has
   * caches use for delta-seconds too large to represent. Larger values (and dates further away) are
   * read as this, so a caller can add it to an {@link Instant} or take its milliseconds safely.
   */
  public static final Duration MAX = Duration.ofSeconds(1L << 31);

  private RetryAfter() {}

  /**
   * The wait the header asks for, measured from {@code clock}'s now; a date in the past gives zero,
   * a huge value {@link #MAX}. Empty when the header is absent or unreadable (negative, fractional,
   * garbage).
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More than 10 digits is past 2^31 in any case; parseLong would overflow at 19.
      long seconds = value.length() > 10 ? Long.MAX_VALUE : Long.parseLong(value);
      return Optional.of(seconds >= MAX.getSeconds() ? MAX : Duration.ofSeconds(seconds));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX) > 0 ? MAX : wait);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
