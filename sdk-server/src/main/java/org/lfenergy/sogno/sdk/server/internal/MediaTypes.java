package org.lfenergy.sogno.sdk.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Media-type matching: request {@code Content-Type} against the spec, {@code Accept} against answers. */
final class MediaTypes {
  /** A quality of zero ({@code 0}, {@code 0.}, … {@code 0.000}): the range is excluded. */
  private static final Pattern ZERO = Pattern.compile("0(\\.0{0,3})?");

  private MediaTypes() {}

  /** {@code type/subtype} in lower case, parameters dropped. */
  static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json") || essence.endsWith("+json");
  }

  /** The declared media type (possibly a {@code type/*} range) that {@code contentType} falls under. */
  static Optional<String> matchDeclared(String contentType, Collection<String> declared) {
    String actual = essence(contentType);
    if (declared.contains(actual)) {
      return Optional.of(actual);
    }
    for (String range : declared) {
      if (range.equals("*/*") || (range.endsWith("/*") && actual.startsWith(range.substring(0, range.length() - 1)))) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an {@code Accept} header admits at least one of {@code offered}; an absent or empty
   * header admits everything. Ranges with {@code q=0} exclude.
   */
  static boolean acceptable(List<String> acceptHeaders, Collection<String> offered) {
    if (acceptHeaders.isEmpty() || offered.isEmpty()) {
      return true;
    }
    List<String[]> ranges = new ArrayList<>();
    for (String header : acceptHeaders) {
      for (String part : header.split(",")) {
        if (!part.isBlank()) {
          ranges.add(new String[] {essence(part), quality(part)});
        }
      }
    }
    if (ranges.isEmpty() || offered.isEmpty()) {
      return true;
    }
    for (String type : offered) {
      for (String[] range : ranges) {
        if (!range[1].equals("0") && covers(range[0], type)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean covers(String range, String type) {
    if (range.equals("*/*") || range.equals("*") || range.equals(type)) {
      return true;
    }
    return range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1));
  }

  private static String quality(String part) {
    for (String parameter : part.split(";")) {
      String[] nameValue = parameter.trim().split("=", 2);
      if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("q")) {
        String q = nameValue[1].trim();
        return ZERO.matcher(q).matches() ? "0" : q;
      }
    }
    return "1";
  }
}
