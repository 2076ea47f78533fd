package org.lfenergy.sogno.sdk.core;

/**
 * Input that could not be read as, or a value that could not be written to, JSON by {@link SognoJson}.
 * The message says where the input was malformed; it never echoes more than a short snippet of it.
 */
public final class JsonException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be read or written
   * @param cause the underlying parser error, may be {@code null}
   */
  public JsonException(String message, Throwable cause) {
    super(message, cause, null);
  }

  /**
   * @param message what could not be read or written
   * @param cause the underlying parser error, may be {@code null}
   * @param requestId the {@code X-Request-ID} of the call whose body was malformed
   */
  public JsonException(String message, Throwable cause, String requestId) {
    super(message, cause, requestId);
  }
}
