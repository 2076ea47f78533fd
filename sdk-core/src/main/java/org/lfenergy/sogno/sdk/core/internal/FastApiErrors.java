package org.lfenergy.sogno.sdk.core.internal;

import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Turns FastAPI/pydantic validation errors ({@code {"loc":["body","voltage",0],"msg":…,"type":…}})
 * into field errors with pointers in RFC 9457's URI-fragment form: {@code #/voltage/0} into the body,
 * {@code #/query/<name>} and {@code #/header/<name>} for parameters.
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
      return fragment(rest);
    }
    if (!rest.isEmpty() && ("query".equals(where) || "header".equals(where) || "path".equals(where)
        || "cookie".equals(where))) {
      return "#/" + where + "/" + escape(String.valueOf(rest.get(0)));
    }
    return fragment(parts);
  }

  /** {@code #} followed by the RFC 6901 pointer of {@code tokens}; {@code #} alone is the whole body. */
  private static String fragment(List<?> tokens) {
    StringBuilder pointer = new StringBuilder("#");
    tokens.forEach(token -> pointer.append('/').append(escape(String.valueOf(token))));
    return pointer.toString();
  }

  /** RFC 6901 escaping of one reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
