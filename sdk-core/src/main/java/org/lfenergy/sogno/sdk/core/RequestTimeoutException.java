package org.lfenergy.sogno.sdk.core;

/**
 * The call timed out: connecting, waiting for response bytes (read timeout, or the per-call {@link
 * ApiRequest.Builder#timeout timeout}), or the whole call exceeded the client's call timeout.
 */
public final class RequestTimeoutException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** See {@link TransportException#TransportException(String, Throwable, String)}. */
  public RequestTimeoutException(String message, Throwable cause, String requestId) {
    super(message, cause, requestId);
  }
}
