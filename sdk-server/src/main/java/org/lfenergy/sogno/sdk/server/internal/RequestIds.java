package org.lfenergy.sogno.sdk.server.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SOGNO-305: a caller's {@code X-Request-ID} is used only if it is 1 to 200 visible ASCII characters;
 * anything else is replaced by a random UUID before it is echoed or logged.
 */
final class RequestIds {
  static final String HEADER = "X-Request-ID";
  private static final Pattern SAFE = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private RequestIds() {}

  static String of(Optional<String> given) {
    return given.filter(id -> SAFE.matcher(id).matches()).orElseGet(() -> UUID.randomUUID().toString());
  }
}
