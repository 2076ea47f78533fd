package org.lfenergy.sogno.sdk.server.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.RequestIds;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;

/**
 * Builds every {@link OutgoingResponse} the runtime sends, so that each carries exactly one {@code
 * X-Request-ID} (the runtime's, whatever a handler or sdk-async set) and problems are written by
 * sdk-core's {@link ProblemResponse} only.
 */
final class Answers {
  private Answers() {}

  static OutgoingResponse problem(ProblemResponse problem, String requestId) {
    return problem(problem, requestId, false);
  }

  /** @param close also close the connection (the request body was left unread) */
  static OutgoingResponse problem(ProblemResponse problem, String requestId, boolean close) {
    ProblemResponse withId = problem.withRequestId(requestId);
    return of(withId.status(), withId.headers(), withId.body(), null, requestId, close);
  }

  /**
   * @param contentType the body's media type, or null to keep the one in {@code headers}
   */
  static OutgoingResponse of(int status, Map<String, List<String>> headers, byte[] body, String contentType,
      String requestId, boolean close) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      boolean replaced = name.equalsIgnoreCase(RequestIds.HEADER) || name.equalsIgnoreCase("Connection")
          || (contentType != null && name.equalsIgnoreCase("Content-Type"));
      if (!replaced) {
        out.merge(name, List.copyOf(values), (a, b) -> concat(a, b));
      }
    });
    if (contentType != null && body.length > 0) {
      out.put("Content-Type", List.of(contentType));
    }
    out.put(RequestIds.HEADER, List.of(requestId));
    if (close) {
      out.put("Connection", List.of("close"));
    }
    return new OutgoingResponse(status, out, body, close);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
