package org.lfenergy.sogno.sdk.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec path such as {@code /v1/jobs/{jobId}/result}, matched segment by segment against raw
 * request paths; a template segment matches one non-empty segment, which is percent-decoded. The
 * template is taken apart once; a request path is split once ({@link #segments}) and then matched
 * against every template.
 */
final class PathTemplate {
  private final String template;
  private final String[] segments;
  /** Per segment: the variable's name, or null for a literal segment. */
  private final String[] variables;
  private final int literalCount;

  PathTemplate(String template) {
    this.template = template;
    this.segments = segments(template);
    this.variables = new String[segments.length];
    int literals = 0;
    for (int i = 0; i < segments.length; i++) {
      if (isVariable(segments[i])) {
        variables[i] = segments[i].substring(1, segments[i].length() - 1);
      } else {
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

  /** The number of segments: only request paths of as many can match. */
  int segmentCount() {
    return segments.length;
  }

  /** Whether the request path's {@code parts} ({@link #segments} of the raw path) match. */
  boolean matches(String[] parts) {
    if (parts.length != segments.length) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      if (variables[i] != null ? parts[i].isEmpty() : !segments[i].equals(decode(parts[i]))) {
        return false;
      }
    }
    return true;
  }

  /** The decoded path parameters by name, in template order, of {@code parts} that {@link #matches}. */
  Map<String, String> parameters(String[] parts) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      if (variables[i] != null) {
        params.put(variables[i], decode(parts[i]));
      }
    }
    return params;
  }

  /** Percent-decodes a path segment ({@code +} stays a plus); one without {@code %} is returned as it is. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw; // a malformed escape matches nothing but itself
    }
  }

  private static boolean isVariable(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /** The segments of a path starting with '/', still encoded; a trailing '/' is ignored. */
  static String[] segments(String path) {
    List<String> parts = new ArrayList<>(8);
    int start = 1; // after the leading '/'
    for (int slash = path.indexOf('/', start); slash >= 0; slash = path.indexOf('/', start)) {
      parts.add(path.substring(start, slash));
      start = slash + 1;
    }
    if (start < path.length() || parts.isEmpty()) {
      parts.add(path.substring(start)); // "/" is one empty segment; "/a/" is "a"
    }
    return parts.toArray(new String[0]);
  }

  @Override
  public String toString() {
    return template;
  }
}
