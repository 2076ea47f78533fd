package org.lfenergy.sogno.sdk.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.internal.RetryAfter;

/**
 * HTTP 503: the service is overloaded or down (e.g. {@code queue-full}). {@link #retryAfter()} says
 * how long the server asked to wait.
 */
public final class ServiceUnavailableException extends ServerErrorException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public ServiceUnavailableException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
    this.retryAfter = RetryAfter.parse(response.header("Retry-After").orElse(null), Clock.systemUTC()).orElse(null);
  }

  /** The server's {@code Retry-After} (delta-seconds or HTTP-date, measured when the response arrived). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
