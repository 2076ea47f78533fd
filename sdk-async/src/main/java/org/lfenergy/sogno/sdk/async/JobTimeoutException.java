package org.lfenergy.sogno.sdk.async;

import java.time.Duration;

/**
 * The client stopped waiting: the job was not finished within the timeout. The job itself goes on;
 * wait again, or {@link JobHandle#cancel()} it.
 */
public final class JobTimeoutException extends JobException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /**
   * @param jobId the job's id
   * @param lastKnown the job as last seen, may be null
   * @param timeout how long the client waited
   */
  public JobTimeoutException(String jobId, Job lastKnown, Duration timeout) {
    super("Job " + jobId + " not finished within " + timeout
        + (lastKnown == null ? "" : " (last seen " + lastKnown.status() + ")"), jobId, lastKnown, null, null);
    this.timeout = timeout;
  }

  /** How long the client waited. */
  public Duration timeout() {
    return timeout;
  }
}
