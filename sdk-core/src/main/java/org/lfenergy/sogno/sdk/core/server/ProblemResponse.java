package org.lfenergy.sogno.sdk.core.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * A problem ready to send, framework-neutral: status, headers (including {@code Content-Type:
 * application/problem+json}) and the serialized body. Copy the three onto your framework's response:
 *
 * <pre>{@code
 * ProblemResponse response = Problems.notFound("job-not-found", "No job " + id).withRequestId(requestId);
 * exchange.getResponseHeaders().putAll(response.headers());
 * exchange.sendResponseHeaders(response.status(), response.body().length);
 * exchange.getResponseBody().write(response.body());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return copies.
 */
public final class ProblemResponse {
  private final Problem problem;
  private final Map<String, List<String>> headers;
  private final SognoJson json;

  private ProblemResponse(Problem problem, Map<String, List<String>> headers, SognoJson json) {
    if (problem.status() == 0) {
      throw new IllegalArgumentException("A problem response needs a problem with a status");
    }
    this.problem = problem;
    this.headers = headers;
    this.json = json;
  }

  /**
   * A response for {@code problem}, written with {@link SognoJson#defaults()}.
   *
   * @throws IllegalArgumentException when the problem has no status
   */
  public static ProblemResponse of(Problem problem) {
    return of(problem, SognoJson.defaults());
  }

  /** A response for {@code problem}, written with {@code json}. */
  public static ProblemResponse of(Problem problem, SognoJson json) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of(Problem.MEDIA_TYPE));
    return new ProblemResponse(Objects.requireNonNull(problem, "problem"), Collections.unmodifiableMap(headers),
        Objects.requireNonNull(json, "json"));
  }

  /** The HTTP status, the problem's. */
  public int status() {
    return problem.status();
  }

  /** Headers to send, in order; includes {@code Content-Type}. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** {@value Problem#MEDIA_TYPE}. */
  public String contentType() {
    return Problem.MEDIA_TYPE;
  }

  /** The problem. */
  public Problem problem() {
    return problem;
  }

  /** The problem as UTF-8 JSON (a fresh array each time). */
  public byte[] body() {
    return json.write(problem);
  }

  /** A copy with header {@code name} set to {@code value} (replacing earlier values). */
  public ProblemResponse withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    copy.put(name, List.of(value));
    return new ProblemResponse(problem, Collections.unmodifiableMap(copy), json);
  }

  /** A copy with {@code Retry-After} in whole seconds (rounded up). */
  public ProblemResponse withRetryAfter(Duration wait) {
    return withHeader("Retry-After", Long.toString(wholeSeconds(wait)));
  }

  static long wholeSeconds(Duration wait) {
    return Math.max(0, (wait.toMillis() + 999) / 1000);
  }

  /** A copy whose problem echoes {@code requestId} (and which sends it as {@code X-Request-ID}). */
  public ProblemResponse withRequestId(String requestId) {
    if (requestId == null) {
      return this;
    }
    return new ProblemResponse(problem.toBuilder().requestId(requestId).build(), headers, json)
        .withHeader("X-Request-ID", requestId);
  }

  /** A copy whose problem is changed by {@code change}, e.g. to add an extension member. */
  public ProblemResponse withProblem(java.util.function.UnaryOperator<Problem> change) {
    return new ProblemResponse(change.apply(problem), headers, json);
  }

  @Override
  public String toString() {
    return "ProblemResponse{" + problem + ", headers=" + new ArrayList<>(headers.keySet()) + "}";
  }
}
