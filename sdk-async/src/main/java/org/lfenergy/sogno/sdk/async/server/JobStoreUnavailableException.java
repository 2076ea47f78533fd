package org.lfenergy.sogno.sdk.async.server;

import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Thrown by a {@link JobStore} that cannot read or write its storage within its own time bound (a
 * database or broker unreachable). Nothing was changed. The {@link JobManager} refuses the request
 * with a 503 {@code job-state-unavailable} problem and {@code Retry-After}, so clients retry later.
 */
public class JobStoreUnavailableException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be read or written, free of secrets
   * @param cause the storage's failure, may be null
   */
  public JobStoreUnavailableException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
