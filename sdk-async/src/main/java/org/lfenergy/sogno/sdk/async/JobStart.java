package org.lfenergy.sogno.sdk.async;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lfenergy.sogno.sdk.async.internal.JobPaths;
import org.lfenergy.sogno.sdk.async.internal.JsonPointers;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.ResponseInfo;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * What the response that started a job says about it, read as a {@link JobDialect} describes: the
 * job's URL and id (the dialect's locators in order, first that applies wins), the {@code Retry-After}
 * to honour, and the job if the body shows one.
 */
final class JobStart {
  private static final ResponseReader<Object> UNTYPED = (info, body, json) -> body.length == 0 ? null : json.readUntyped(body);

  final URI location;
  final String jobId;
  final Duration retryAfter;
  final PolledJob seen;

  private JobStart(URI location, String jobId, Duration retryAfter, PolledJob seen) {
    this.location = location;
    this.jobId = jobId;
    this.retryAfter = retryAfter;
    this.seen = seen;
  }

  /**
   * @throws IllegalArgumentException if no locator of the dialect applies
   * @throws org.lfenergy.sogno.sdk.core.JsonException if an id or status member has the wrong type
   */
  static JobStart of(JobDialect dialect, DialectReader reader, URI baseUrl, SognoJson json, ApiResponse<?> response) {
    Object body = response.body();
    Object document = document(body, json, dialect.equals(JobDialects.sogno()));
    for (JobDialect.Locator locator : dialect.locators()) {
      Optional<URI> location = locate(locator, response, document, baseUrl, reader);
      if (location.isPresent()) {
        String id = locator.kind() == JobDialect.LocatorKind.MEMBER
            ? reader.id(JsonPointers.get(document, locator.source()), locator.source())
            : Optional.ofNullable(reader.id(JsonPointers.get(document, dialect.idMember()), dialect.idMember()))
                .orElseGet(() -> JobPaths.lastSegment(location.get()));
        Optional<Job> job = body instanceof Job && dialect.equals(JobDialects.sogno())
            ? Optional.of((Job) body)
            : document == null ? Optional.empty() : reader.job(document, id, json);
        PolledJob seen = job.map(j -> new PolledJob(j, document, info(response))).orElse(null);
        return new JobStart(location.get(), job.map(Job::id).orElse(id), PollLoop.retryAfter(response).orElse(null), seen);
      }
    }
    throw new IllegalArgumentException("The " + response.status() + " response names no job: job dialect " + dialect.name()
        + " looked for " + dialect.locators().stream().map(JobStart::describe).collect(Collectors.joining(", ")));
  }

  private static Optional<URI> locate(
      JobDialect.Locator locator, ApiResponse<?> response, Object document, URI baseUrl, DialectReader reader) {
    switch (locator.kind()) {
      case HEADER:
        return response.header(locator.source()).filter(href -> !href.isBlank()).map(href -> response.uri().resolve(href.trim()));
      case LINK:
        Object href = JsonPointers.get(document, locator.source());
        return href instanceof String && !((String) href).isBlank()
            ? Optional.of(response.uri().resolve(Link.of((String) href).href()))
            : Optional.empty();
      default:
        String id = reader.id(JsonPointers.get(document, locator.source()), locator.source());
        return id == null ? Optional.empty() : Optional.of(JobUrls.expand(locator.template(), baseUrl, response.uri(), id));
    }
  }

  private static String describe(JobDialect.Locator locator) {
    switch (locator.kind()) {
      case HEADER:
        return "a " + locator.source() + " header";
      case LINK:
        return "a link at " + locator.source();
      default:
        return "an id at " + locator.source();
    }
  }

  /**
   * {@code body} as an untyped document. For the convention, a body of another type than {@link Job},
   * bytes or a document is ignored, as it always was (only the {@code Location} then names the job).
   */
  private static Object document(Object body, SognoJson json, boolean convention) {
    if (body == null) {
      return null;
    }
    if (body instanceof byte[]) {
      return ((byte[]) body).length == 0 ? null : json.readUntyped((byte[]) body);
    }
    if (body instanceof Map || body instanceof Iterable || body instanceof String) {
      return body;
    }
    return convention && !(body instanceof Job) ? null : json.convert(body, Object.class);
  }

  /** How to read the answer that starts a job: the convention's as a {@link Job}, others untyped. */
  static ResponseReader<?> answerReader(JobDialect dialect) {
    return dialect.equals(JobDialects.sogno()) ? PollLoop.JOB : UNTYPED;
  }

  /** The status, headers and URL of {@code response}, for readers of inline results. */
  static ResponseInfo info(ApiResponse<?> response) {
    return ResponseInfo.builder()
        .status(response.status())
        .headers(response.headers())
        .uri(response.uri())
        .requestId(response.requestId())
        .build();
  }
}
