package org.lfenergy.sogno.sdk.async.internal;

import java.util.List;
import java.util.Map;

/**
 * RFC 6901 JSON pointers over documents read untyped ({@code Map}, {@code List}, scalars, as {@code
 * SognoJson.readUntyped} gives them). Stateless; nothing is evaluated, a pointer only selects.
 */
public final class JsonPointers {
  private JsonPointers() {}

  /**
   * Checks that {@code pointer} is a JSON pointer: empty (the whole document) or {@code /}-separated
   * tokens, {@code ~} only in {@code ~0} and {@code ~1}.
   *
   * @throws IllegalArgumentException naming {@code setting} and the pointer otherwise
   */
  public static String requireValid(String pointer, String setting) {
    if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/")) || pointer.matches(".*~([^01].*|$)")) {
      throw new IllegalArgumentException(setting + " must be a JSON pointer such as /status or /result/data, was " + pointer);
    }
    return pointer;
  }

  /** The value {@code pointer} selects in {@code document}; null when absent, JSON null, or not reachable. */
  public static Object get(Object document, String pointer) {
    if (pointer.isEmpty()) {
      return document;
    }
    Object node = document;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map) {
        node = ((Map<?, ?>) node).get(token);
      } else if (node instanceof List && token.matches("0|[1-9][0-9]{0,8}")) {
        List<?> list = (List<?>) node;
        int index = Integer.parseInt(token);
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  /**
   * Whether {@code value} carries something: not null, not an empty string (after trimming), not an
   * empty array or object.
   */
  public static boolean isNonEmpty(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String) {
      return !((String) value).isBlank();
    }
    if (value instanceof Map) {
      return !((Map<?, ?>) value).isEmpty();
    }
    if (value instanceof List) {
      return !((List<?>) value).isEmpty();
    }
    return true;
  }
}
