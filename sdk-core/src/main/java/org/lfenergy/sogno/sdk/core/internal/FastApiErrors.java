package org.lfenergy.sogno.sdk.core.internal;

import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Turns FastAPI/pydantic validation errors ({@code {"loc":["body","voltage",0],"msg":…,"type":…}})
 * into field errors with pointers: {@code /voltage/0} into the body, {@code #/query/<name>} and
 * {@code #/header/<name>} for parameters.
 */
final class FastApiErrors {
  private FastApiErrors() {}

  static void add(Object item, Problem.Builder builder) {
    if (!(item instanceof Map<?, ?> error)) {
      builder.error(null, ProblemMapping.text(item), null);
      return;
    }
    builder.error(pointer(error.get("loc")), ProblemMapping.text(error.get("msg")),
        ProblemMapping.text(error.get("type")));
  }

  private static String pointer(Object loc) {
    if (!(loc instanceof List<?> parts) || parts.isEmpty()) {
      return null;
    }
    String where = String.valueOf(parts.get(0));
    List<?> rest = parts.subList(1, parts.size());
    if ("body".equals(where)) {
      StringBuilder pointer = new StringBuilder();
      rest.forEach(part -> pointer.append('/').append(escape(String.valueOf(part))));
      return pointer.length() == 0 ? "" : pointer.toString();
    }
    if (!rest.isEmpty() && ("query".equals(where) || "header".equals(where) || "path".equals(where)
        || "cookie".equals(where))) {
      return "#/" + where + "/" + escape(String.valueOf(rest.get(0)));
    }
    StringBuilder pointer = new StringBuilder();
    parts.forEach(part -> pointer.append('/').append(escape(String.valueOf(part))));
    return pointer.toString();
  }

  /** RFC 6901 escaping of one reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
