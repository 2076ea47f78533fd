package org.lfenergy.sogno.sdk.async.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC 7240 {@code Prefer} preferences of the async-job convention: {@code respond-async} and
 * {@code wait=N}. Preferences this SDK does not know, and malformed ones, are ignored as the RFC asks.
 */
public final class Preferences {
  private static final Preferences NONE = new Preferences(false, null);

  private final boolean respondAsync;
  private final Duration wait;

  private Preferences(boolean respondAsync, Duration wait) {
    this.respondAsync = respondAsync;
    this.wait = wait;
  }

  /** Parses every value of every {@code Prefer} header. */
  public static Preferences parse(List<String> headerValues) {
    boolean respondAsync = false;
    Duration wait = null;
    for (String value : headerValues) {
      for (String preference : value.split(",")) {
        String token = preference.split(";", 2)[0].trim();
        String name = token.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (name.equals("respond-async")) {
          respondAsync = true;
        } else if (name.equals("wait") && token.contains("=")) {
          wait = seconds(unquote(token.split("=", 2)[1].trim())).orElse(wait);
        }
      }
    }
    return respondAsync || wait != null ? new Preferences(respondAsync, wait) : NONE;
  }

  /** True when {@code Preference-Applied} values include {@code wait}. */
  public static boolean waitApplied(List<String> preferenceApplied) {
    return preferenceApplied.stream()
        .flatMap(value -> List.of(value.split(",")).stream())
        .anyMatch(token -> token.trim().toLowerCase(Locale.ROOT).startsWith("wait"));
  }

  public boolean respondAsync() {
    return respondAsync;
  }

  /** The wait the client asked for, if any. */
  public Optional<Duration> waitFor() {
    return Optional.ofNullable(wait);
  }

  private static Optional<Duration> seconds(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1)
        : text;
  }
}
