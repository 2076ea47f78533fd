package org.lfenergy.sogno.sdk.async.server;

import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * A change the job lifecycle does not allow, such as {@code succeeded → running}: a bug in the caller
 * or a store that lost an update, never something a client can cause.
 */
public class IllegalJobTransitionException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param jobId the job
   * @param from its current status
   * @param to the refused next status
   */
  public IllegalJobTransitionException(String jobId, JobStatus from, JobStatus to) {
    super("Job " + jobId + " cannot go from " + from + " to " + to);
  }
}
