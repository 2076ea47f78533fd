package org.lfenergy.sogno.sdk.core;

/**
 * The circuit breaker for the target host is open (or half-open with no trial calls left), so the
 * call was not sent. Recent calls to that host failed too often; try again after the breaker's wait
 * duration, or fail fast to your own caller.
 */
public final class CircuitOpenException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final String circuitName;

  /**
   * @param circuitName the breaker's name, {@code host:port}
   * @param requestId the {@code X-Request-ID} the refused call would have carried
   */
  public CircuitOpenException(String circuitName, String requestId) {
    super("Circuit breaker '" + circuitName + "' is open; the call was not sent"
        + (requestId == null ? "" : " (request id " + requestId + ")"), null, requestId);
    this.circuitName = circuitName;
  }

  /** The breaker's name, {@code host:port} of the target. */
  public String circuitName() {
    return circuitName;
  }
}
