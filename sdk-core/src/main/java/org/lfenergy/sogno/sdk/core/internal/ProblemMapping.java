package org.lfenergy.sogno.sdk.core.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Converts between {@link Problem} and its JSON-shaped map. Reading is lenient: a standard member of
 * the wrong type (a numeric string for {@code status}, an invalid URI) is coerced where the meaning
 * is clear and otherwise dropped, so a sloppy server's problem is still read.
 */
public final class ProblemMapping {
  private ProblemMapping() {}

  /** Reads a problem from the members of a JSON object. */
  public static Problem fromMembers(Map<String, Object> members) {
    Problem.Builder builder = Problem.builder();
    members.forEach((name, value) -> {
      switch (name) {
        case "type" -> builder.type(uri(value));
        case "title" -> builder.title(text(value));
        case "status" -> builder.status(status(value));
        case "detail" -> builder.detail(text(value));
        case "instance" -> builder.instance(uri(value));
        case "code" -> builder.code(text(value));
        case "requestId" -> builder.requestId(text(value));
        case "errors" -> readErrors(value, builder);
        default -> builder.extension(name, value);
      }
    });
    return builder.build();
  }

  /** The members of {@code problem} in the order they are written. */
  public static Map<String, Object> toMembers(Problem problem) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("type", problem.type().toString());
    putIfPresent(members, "title", problem.title());
    if (problem.status() != 0) {
      members.put("status", problem.status());
    }
    putIfPresent(members, "detail", problem.detail());
    putIfPresent(members, "instance", problem.instance() == null ? null : problem.instance().toString());
    putIfPresent(members, "code", problem.code());
    if (!problem.errors().isEmpty()) {
      members.put("errors", problem.errors().stream().map(ProblemMapping::errorMembers).toList());
    }
    putIfPresent(members, "requestId", problem.requestId());
    members.putAll(problem.extensions());
    return members;
  }

  /** A JSON value as text: strings as they are, numbers and booleans printed, anything else null. */
  public static String text(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }

  private static Map<String, Object> errorMembers(Problem.FieldError error) {
    Map<String, Object> members = new LinkedHashMap<>();
    putIfPresent(members, "pointer", error.pointer());
    putIfPresent(members, "detail", error.detail());
    putIfPresent(members, "code", error.code());
    return members;
  }

  private static void readErrors(Object value, Problem.Builder builder) {
    if (!(value instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> error) {
        String pointer = text(error.get("pointer"));
        if (pointer == null && error.get("field") != null) {
          pointer = "/" + text(error.get("field"));
        }
        String detail = text(error.get("detail"));
        builder.error(pointer, detail != null ? detail : text(error.get("message")), text(error.get("code")));
      } else if (text(item) != null) {
        builder.error(null, text(item), null);
      }
    }
  }

  private static int status(Object value) {
    try {
      int status = value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value).trim());
      return status >= 100 && status <= 999 ? status : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static URI uri(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static void putIfPresent(Map<String, Object> members, String name, Object value) {
    if (value != null) {
      members.put(name, value);
    }
  }
}
