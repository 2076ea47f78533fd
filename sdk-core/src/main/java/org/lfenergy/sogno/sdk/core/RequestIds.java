package org.lfenergy.sogno.sdk.core;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code X-Request-ID} values (guidelines SOGNO-305): the ids the SDK makes up when there is none to
 * carry on (by its clients for a call sent without one, by its servers for a request without a usable
 * one), and which ids a server accepts from a caller: 1 to {@value #MAX_LENGTH} visible ASCII
 * characters ({@code 0x21}–{@code 0x7E}: no space, CR, LF or other controls), so that what is echoed
 * into headers, problems and logs is never the caller's raw bytes. Stateless and thread-safe.
 */
public final class RequestIds {
  /** The header carrying the id. */
  public static final String HEADER = "X-Request-ID";
  /** The longest id accepted from a caller. */
  public static final int MAX_LENGTH = 200;

  private RequestIds() {}

  /**
   * A new random version-4 UUID in its canonical form. Request ids need uniqueness, not
   * unpredictability, so it is drawn from {@link ThreadLocalRandom}: {@link UUID#randomUUID()}'s
   * shared {@code SecureRandom} costs more and is contended when many threads ask at once.
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** {@code given} if it is a valid id ({@link #isValid}), else a {@link #newId() new one}. */
  public static String acceptOrGenerate(Optional<String> given) {
    return given.isPresent() && isValid(given.get()) ? given.get() : newId();
  }

  /**
   * Whether {@code id} is 1 to {@value #MAX_LENGTH} visible ASCII characters. Checked character by
   * character: servers ask for every request.
   */
  public static boolean isValid(String id) {
    if (id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
