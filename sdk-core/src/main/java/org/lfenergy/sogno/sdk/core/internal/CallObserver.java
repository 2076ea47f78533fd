package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * What metrics and traces learn about one logical call, from the client and the pipeline's steps.
 * {@link #NONE} does nothing: a client without observability hands it to every call, so calls
 * allocate nothing for it. Implementations are called from the call's threads one at a time.
 */
public interface CallObserver {
  /** The observer of calls nobody observes. */
  CallObserver NONE = new CallObserver() {};

  /**
   * Starts observing; returns the {@code traceparent} to send (the call's span's), or null to let the
   * SDK pick it as it does without tracing.
   *
   * @param explicit a valid {@code traceparent} set on the request, or null
   * @param current the client's configured source of the caller's traceparent
   */
  default String begin(String explicit, Supplier<String> current) {
    return null;
  }

  /** Attempt {@code attempt} (from 1) ended with {@code status}, or with {@code failure} (then status 0). */
  default void attemptEnded(int attempt, int status, IOException failure) {}

  /**
   * The call will be sent again after {@code waitMillis}; {@code reason} names what failed
   * ({@code http_503}, {@code io_error}, {@code timeout}); {@code retryAfter} when the server's
   * {@code Retry-After} set the wait.
   */
  default void retrying(int attempt, String reason, long waitMillis, boolean retryAfter) {}

  /** The host's circuit breaker refused the call. */
  default void circuitOpen(String breaker) {}

  /** The call ended: with {@code status} (0 when no response came) and the failure the caller got, if any. */
  default void ended(int status, Throwable failure) {}
}
