package org.lfenergy.sogno.sdk.async.internal;

import java.util.Optional;
import java.util.UUID;

/**
 * The request id a server answers with (guidelines SOGNO-305): the caller's {@code X-Request-ID} when
 * it is 1 to {@value #MAX_LENGTH} visible ASCII characters ({@code 0x21}–{@code 0x7E}: no space, CR, LF
 * or other controls), else a generated UUID — so what is echoed into headers, problems and logs is
 * never the caller's raw bytes. Stateless.
 */
public final class RequestIds {
  /** The header carrying the id. */
  public static final String HEADER = "X-Request-ID";
  /** The longest id accepted from a caller. */
  public static final int MAX_LENGTH = 200;

  private RequestIds() {}

  /** {@code given} if it is a valid id, else a new random one. */
  public static String acceptOrGenerate(Optional<String> given) {
    return given.filter(RequestIds::isValid).orElseGet(() -> UUID.randomUUID().toString());
  }

  /** Whether {@code id} is 1 to {@value #MAX_LENGTH} visible ASCII characters. */
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
