package org.lfenergy.sogno.sdk.core;

/**
 * The call failed below HTTP: connection refused or reset, DNS failure, TLS failure, a body cut
 * short. Thrown after the client's retries, if any, were used up. The cause is the {@link
 * java.io.IOException} that ended the last attempt.
 */
public class TransportException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming method and URL without query string
   * @param cause the I/O failure
   * @param requestId the {@code X-Request-ID} of the call, may be {@code null}
   */
  public TransportException(String message, Throwable cause, String requestId) {
    super(message, cause, requestId);
  }
}
