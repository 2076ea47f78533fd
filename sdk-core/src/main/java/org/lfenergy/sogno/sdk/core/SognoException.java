package org.lfenergy.sogno.sdk.core;

/**
 * Root of every exception the SOGNO SDK throws. Unchecked, so generated clients need no
 * {@code throws} clauses; catch the subclass that matters to you ({@link ApiException} for HTTP error
 * responses, {@link TransportException} for network failures, {@link CircuitOpenException} when the
 * circuit breaker refuses a call).
 *
 * <p>Messages never contain credentials, tokens or request bodies.
 */
public class SognoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String requestId;

  /**
   * @param message a human-readable description, free of secrets
   * @param cause the underlying cause, may be {@code null}
   * @param requestId the {@code X-Request-ID} of the call that failed, may be {@code null}
   */
  public SognoException(String message, Throwable cause, String requestId) {
    super(message, cause);
    this.requestId = requestId;
  }

  /**
   * For exceptions that are answers rather than faults (e.g. {@code server.ProblemException}), which
   * skip the cost of a stack trace when {@code writableStackTrace} is false.
   */
  protected SognoException(String message, Throwable cause, String requestId, boolean writableStackTrace) {
    super(message, cause, false, writableStackTrace);
    this.requestId = requestId;
  }

  /** @param message a human-readable description, free of secrets */
  public SognoException(String message) {
    this(message, null, null);
  }

  /**
   * The {@code X-Request-ID} sent with the failed call, so a support request can quote it; {@code null}
   * when the failure did not concern a specific call.
   */
  public String requestId() {
    return requestId;
  }
}
