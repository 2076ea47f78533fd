package org.lfenergy.sogno.sdk.core;

/**
 * A collection's pages cannot be followed: a page's {@code next} link points to another origin than
 * the client's base URL (nothing is sent there), or a page repeats the cursor it was fetched with
 * (following it would loop forever). The pages read before stay valid; {@link #cursor()} is where the
 * iteration stopped.
 */
public final class PagingException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final String cursor;

  PagingException(String message, String cursor, String requestId) {
    super(message, null, requestId);
    this.cursor = cursor;
  }

  /** The {@code next} value that could not be followed. */
  public String cursor() {
    return cursor;
  }
}
