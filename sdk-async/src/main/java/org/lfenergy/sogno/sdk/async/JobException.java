package org.lfenergy.sogno.sdk.async;

import java.util.Optional;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Root of the exceptions a {@link JobHandle} throws when a job does not deliver a result: {@link
 * JobFailedException}, {@link JobCancelledException}, {@link JobNotFoundException}, {@link
 * JobTimeoutException}. Unchecked. Carries the job id and the job as last seen, if it was seen.
 */
public class JobException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final transient Job lastKnown;

  /**
   * @param message a description free of secrets
   * @param jobId the job's id
   * @param lastKnown the job as last seen, may be null
   * @param cause the underlying exception, may be null
   * @param requestId the {@code X-Request-ID} of the call that told, may be null
   */
  protected JobException(String message, String jobId, Job lastKnown, Throwable cause, String requestId) {
    super(message, cause, requestId);
    this.jobId = jobId;
    this.lastKnown = lastKnown;
  }

  /** The job's id. */
  public String jobId() {
    return jobId;
  }

  /** The job as last seen by the client (for a failed job: the failed job). */
  public Optional<Job> job() {
    return Optional.ofNullable(lastKnown);
  }
}
