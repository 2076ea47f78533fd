package org.lfenergy.sogno.sdk.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec path such as {@code /v1/jobs/{jobId}/result}, matched segment by segment against raw
 * request paths; a template segment matches one non-empty segment, which is percent-decoded.
 */
final class PathTemplate {
  private final String template;
  private final String[] segments;
  private final int literalCount;

  PathTemplate(String template) {
    this.template = template;
    this.segments = split(template);
    int literals = 0;
    for (String segment : segments) {
      if (!isVariable(segment)) {
        literals++;
      }
    }
    this.literalCount = literals;
  }

  String template() {
    return template;
  }

  /** More literal segments match more specifically ({@code /things/search} before {@code /things/{id}}). */
  int literalCount() {
    return literalCount;
  }

  /** The path parameters when {@code rawPath} matches; empty when not. */
  Optional<Map<String, String>> match(String rawPath) {
    String[] parts = split(rawPath);
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      if (isVariable(segments[i])) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        params.put(segments[i].substring(1, segments[i].length() - 1), decode(parts[i]));
      } else if (!segments[i].equals(decode(parts[i]))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw; // a malformed escape matches nothing but itself
    }
  }

  private static boolean isVariable(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  private static String[] split(String path) {
    List<String> parts = new ArrayList<>(List.of(path.split("/", -1)));
    parts.remove(0); // before the leading '/'
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1); // a trailing '/' is ignored
    }
    return parts.toArray(String[]::new);
  }

  @Override
  public String toString() {
    return template;
  }
}
