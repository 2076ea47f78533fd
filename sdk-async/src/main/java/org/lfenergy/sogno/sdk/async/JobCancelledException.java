package org.lfenergy.sogno.sdk.async;

/** The job ended {@code cancelled}, so it has no result. */
public final class JobCancelledException extends JobException {
  private static final long serialVersionUID = 1L;

  /**
   * @param job the cancelled job
   * @param requestId the {@code X-Request-ID} of the poll that saw it, may be null
   */
  public JobCancelledException(Job job, String requestId) {
    super("Job " + job.id() + " was cancelled", job.id(), job, null, requestId);
  }
}
