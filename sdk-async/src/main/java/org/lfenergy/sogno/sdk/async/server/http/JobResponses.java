package org.lfenergy.sogno.sdk.async.server.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.Link;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** Writes jobs and problems the way the async-job convention wants them on the wire. */
final class JobResponses {
  static final String JSON = "application/json";

  private final SognoJson json;

  JobResponses(SognoJson json) {
    this.json = json;
  }

  /**
   * A response carrying {@code job}, its links made absolute under {@code base} when the external base
   * URL is known, plus {@code Retry-After} while the job is not terminal.
   */
  ServerResponse.Builder job(int status, Job job, Optional<String> base, Duration retryAfter) {
    Job rendered = base.map(b -> rebase(job, b)).orElse(job);
    ServerResponse.Builder response =
        ServerResponse.builder(status)
            .header("Cache-Control", "no-store")
            .body(json.write(rendered), JSON);
    if (!job.isTerminal()) {
      response.header("Retry-After", seconds(retryAfter));
    }
    return response;
  }

  ServerResponse problem(JobManagerException e, Optional<String> requestId) {
    ServerResponse.Builder response = problemBuilder(e.problem(), requestId);
    e.retryAfter().ifPresent(retryAfter -> response.header("Retry-After", seconds(retryAfter)));
    return response.build();
  }

  ServerResponse problem(int status, String code, String title, String detail, Optional<String> requestId) {
    return problemBuilder(
            Problem.builder().code(code).status(status).title(title).detail(detail).build(), requestId)
        .build();
  }

  ServerResponse methodNotAllowed(String allowed, Optional<String> requestId) {
    Problem problem =
        Problem.builder().code("method-not-allowed").status(405).title("Method not allowed").detail("Use " + allowed).build();
    return problemBuilder(problem, requestId).header("Allow", allowed).build();
  }

  private ServerResponse.Builder problemBuilder(Problem problem, Optional<String> requestId) {
    Problem withId = requestId.map(id -> problem.toBuilder().requestId(id).build()).orElse(problem);
    return ServerResponse.builder(problem.status()).body(json.write(withId), Problem.MEDIA_TYPE);
  }

  /** Whole seconds, rounded up, at least 1 (a {@code Retry-After} of 0 invites busy polling). */
  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }

  private static Job rebase(Job job, String base) {
    Map<String, Link> links = new LinkedHashMap<>();
    job.links().forEach((rel, link) -> links.put(rel, link.href().startsWith("/") ? Link.of(base + link.href()) : link));
    return job.toBuilder().links(links).build();
  }
}
