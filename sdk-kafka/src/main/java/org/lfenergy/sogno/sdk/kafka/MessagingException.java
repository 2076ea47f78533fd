package org.lfenergy.sogno.sdk.kafka;

import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Root of the exceptions of {@code sogno-sdk-kafka}. Unchecked. Messages name topics, event types and
 * sizes, never payloads or credentials.
 */
public class MessagingException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, free of secrets and payloads
   * @param cause the underlying Kafka or JSON error, may be {@code null}
   */
  public MessagingException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
