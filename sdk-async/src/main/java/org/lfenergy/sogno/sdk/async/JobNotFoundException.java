package org.lfenergy.sogno.sdk.async;

import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * The server does not know the job (404 {@code job-not-found}): it expired, belongs to another
 * principal, or the server lost it (e.g. restarted with an in-memory store). Polling stops at once.
 */
public final class JobNotFoundException extends JobException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /**
   * @param jobId the job's id
   * @param lastKnown the job as last seen, may be null
   * @param cause the 404 the server answered
   */
  public JobNotFoundException(String jobId, Job lastKnown, ApiException cause) {
    super("Job " + jobId + " not found: it expired, is not yours, or the server lost it",
        jobId, lastKnown, cause, cause.requestId());
    this.problem = cause.problem();
  }

  /** The server's 404 problem. */
  public Problem problem() {
    return problem;
  }
}
