package org.lfenergy.sogno.sdk.core.server;

import java.time.Duration;
import java.util.List;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.internal.HttpStatusText;

/**
 * Factories for the problems every SOGNO service answers with, typed with the SDK's stable codes
 * ({@code type} = {@value Problem#SDK_TYPE_PREFIX}{@code <code>}). Each returns a {@link
 * ProblemResponse}; adjust it with its {@code with…} methods.
 *
 * <pre>{@code
 * return Problems.validationFailed(List.of(
 *     Problem.FieldError.of("#/voltage", "must be positive")));
 * }</pre>
 */
public final class Problems {
  private Problems() {}

  /** A problem of {@code status} with the SDK's {@code code}, the status's reason phrase as title. */
  public static ProblemResponse of(int status, String code, String detail) {
    return ProblemResponse.of(Problem.builder()
        .type(Problem.sdkType(code))
        .title(HttpStatusText.reasonPhrase(status))
        .status(status)
        .code(code)
        .detail(detail)
        .build());
  }

  /** 400 {@code bad-request}. */
  public static ProblemResponse badRequest(String detail) {
    return of(400, "bad-request", detail);
  }

  /** 422 {@code validation-failed} listing each invalid field with its JSON pointer. */
  public static ProblemResponse validationFailed(List<Problem.FieldError> errors) {
    return of(422, "validation-failed", errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.")
        .withProblem(problem -> problem.toBuilder().errors(errors).build());
  }

  /** 404 with a specific code, e.g. {@code job-not-found}. */
  public static ProblemResponse notFound(String code, String detail) {
    return of(404, code, detail);
  }

  /** 404 {@code not-found}. */
  public static ProblemResponse notFound(String detail) {
    return notFound("not-found", detail);
  }

  /** 409 with a specific code, e.g. {@code job-not-finished}. */
  public static ProblemResponse conflict(String code, String detail) {
    return of(409, code, detail);
  }

  /** 401 {@code unauthorized} with {@code WWW-Authenticate: Bearer}. */
  public static ProblemResponse unauthorized(String detail) {
    return of(401, "unauthorized", detail).withHeader("WWW-Authenticate", "Bearer");
  }

  /** 403 {@code forbidden}. */
  public static ProblemResponse forbidden(String detail) {
    return of(403, "forbidden", detail);
  }

  /** 429 {@code rate-limited} with {@code Retry-After}. */
  public static ProblemResponse rateLimited(Duration retryAfter) {
    return of(429, "rate-limited", "Too many requests; retry after " + ProblemResponse.wholeSeconds(retryAfter) + " seconds.")
        .withRetryAfter(retryAfter);
  }

  /** 503 {@code queue-full} with {@code Retry-After}. */
  public static ProblemResponse queueFull(Duration retryAfter) {
    return of(503, "queue-full", "The job queue is full; retry after " + ProblemResponse.wholeSeconds(retryAfter) + " seconds.")
        .withRetryAfter(retryAfter);
  }

  /** 503 {@code service-unavailable} with {@code Retry-After}. */
  public static ProblemResponse serviceUnavailable(Duration retryAfter) {
    return of(503, "service-unavailable", "The service is temporarily unavailable.").withRetryAfter(retryAfter);
  }

  /** 500 {@code internal-error} with a fixed detail that reveals nothing about the cause. */
  public static ProblemResponse internalError() {
    return of(500, "internal-error", "An unexpected error occurred. Quote the request id when reporting it.");
  }
}
