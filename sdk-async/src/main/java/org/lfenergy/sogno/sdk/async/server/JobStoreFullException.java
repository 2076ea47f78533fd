package org.lfenergy.sogno.sdk.async.server;

import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Thrown by a {@link JobStore} that is at capacity and cannot evict anything; the {@link JobManager}
 * refuses the submission with a 503 {@code queue-full} problem.
 */
public class JobStoreFullException extends SognoException {
  private static final long serialVersionUID = 1L;

  /** @param message what is full */
  public JobStoreFullException(String message) {
    super(message);
  }
}
