package org.lfenergy.sogno.sdk.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.internal.Redaction;

/**
 * The server answered with a non-2xx status. Always carries a {@link Problem}: the server's RFC 9457
 * body when it sent one, the legacy error body of a platform service translated best-effort, or a
 * problem made from the status line for HTML, empty or binary bodies.
 *
 * <p>{@link #from} picks the subclass by status: {@link BadRequestException} 400, {@link
 * UnauthorizedException} 401, {@link ForbiddenException} 403, {@link NotFoundException} 404, {@link
 * ConflictException} 409, {@link UnprocessableEntityException} 422, {@link TooManyRequestsException}
 * 429, {@link ServiceUnavailableException} 503, {@link ServerErrorException} other 5xx; any other
 * status gives a plain {@code ApiException}.
 *
 * <p>The raw body is kept only up to {@value #MAX_RAW_BODY_BYTES} bytes. The message names status,
 * method, URL without query string (user info masked), the problem's detail (cut at 1000 characters; the whole of it is in
 * {@link #problem()}) and the request id; never credentials.
 */
public class ApiException extends SognoException {
  private static final long serialVersionUID = 1L;

  /** How much of an error body an exception keeps, in bytes. */
  public static final int MAX_RAW_BODY_BYTES = 16 * 1024;
  private static final int MAX_DETAIL_IN_MESSAGE = 1000;

  private final ResponseInfo response;
  private final Problem problem;
  private final byte[] rawBody;
  private final boolean rawBodyTruncated;

  /**
   * @param response status, headers and request of the failed call
   * @param problem the problem the body was read as; {@code null} means one made from the status
   * @param rawBody the error body as received (possibly already capped), may be {@code null}
   */
  public ApiException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(message(response, orFromStatus(problem, response)), null, response.requestId());
    byte[] body = rawBody == null ? new byte[0] : rawBody;
    this.response = response;
    this.problem = orFromStatus(problem, response);
    this.rawBodyTruncated = body.length > MAX_RAW_BODY_BYTES;
    this.rawBody = Arrays.copyOf(body, Math.min(body.length, MAX_RAW_BODY_BYTES));
  }

  /** The exception type for {@code response.status()}, carrying {@code problem} and the capped body. */
  public static ApiException from(ResponseInfo response, Problem problem, byte[] rawBody) {
    switch (response.status()) {
      case 400: return new BadRequestException(response, problem, rawBody);
      case 401: return new UnauthorizedException(response, problem, rawBody);
      case 403: return new ForbiddenException(response, problem, rawBody);
      case 404: return new NotFoundException(response, problem, rawBody);
      case 409: return new ConflictException(response, problem, rawBody);
      case 422: return new UnprocessableEntityException(response, problem, rawBody);
      case 429: return new TooManyRequestsException(response, problem, rawBody);
      case 503: return new ServiceUnavailableException(response, problem, rawBody);
      default:
        return response.status() >= 500
            ? new ServerErrorException(response, problem, rawBody)
            : new ApiException(response, problem, rawBody);
    }
  }

  /**
   * The exception type for a problem that did not come with an HTTP response of its own, e.g. the
   * problem of a failed asynchronous job. The status comes from the problem (500 when it has none).
   */
  public static ApiException from(Problem problem) {
    int status = problem.status() == 0 ? 500 : problem.status();
    return from(ResponseInfo.builder().status(status).requestId(problem.requestId()).build(), problem, null);
  }

  /** The HTTP status code. */
  public int status() {
    return response.status();
  }

  /** The response headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** The first value of response header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return response.header(name);
  }

  /** Status, headers and request of the failed call. */
  public ResponseInfo response() {
    return response;
  }

  /** The problem; never {@code null}. */
  public Problem problem() {
    return problem;
  }

  /** The error body as UTF-8 text (malformed bytes replaced), at most {@value #MAX_RAW_BODY_BYTES} bytes of it. */
  public String rawBody() {
    return new String(rawBody, StandardCharsets.UTF_8);
  }

  /** The error body's bytes, at most {@value #MAX_RAW_BODY_BYTES} of them. */
  public byte[] rawBodyBytes() {
    return rawBody.clone();
  }

  /** Whether the body was longer than what {@link #rawBody()} holds. */
  public boolean rawBodyTruncated() {
    return rawBodyTruncated;
  }

  private static String message(ResponseInfo response, Problem problem) {
    StringBuilder message = new StringBuilder("HTTP ").append(response.status());
    message.append(' ').append(problem.title() != null ? problem.title()
        : org.lfenergy.sogno.sdk.core.internal.HttpStatusText.reasonPhrase(response.status()));
    if (response.method() != null && response.uri() != null) {
      message.append(" from ").append(response.method()).append(' ').append(Redaction.forMessage(response.uri()));
    }
    if (problem.detail() != null) {
      String detail = problem.detail();
      message.append(": ").append(detail.length() > MAX_DETAIL_IN_MESSAGE
          ? detail.substring(0, MAX_DETAIL_IN_MESSAGE) + "…" : detail);
    }
    if (problem.code() != null) {
      message.append(" [").append(problem.code()).append(']');
    }
    if (response.requestId() != null) {
      message.append(" (request id ").append(response.requestId()).append(')');
    }
    return message.toString();
  }

  private static Problem orFromStatus(Problem problem, ResponseInfo response) {
    return problem != null ? problem : Problem.of(response.status());
  }
}
