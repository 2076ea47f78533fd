package org.lfenergy.sogno.sdk.async;

import org.lfenergy.sogno.sdk.core.Problem;

/** The job ended {@code failed}; {@link #problem()} is the job's own problem, as the server recorded it. */
public final class JobFailedException extends JobException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /**
   * @param job the failed job
   * @param requestId the {@code X-Request-ID} of the poll that saw it, may be null
   */
  public JobFailedException(Job job, String requestId) {
    this(job, job.problem().orElseGet(() -> Problem.of(500)), requestId);
  }

  private JobFailedException(Job job, Problem problem, String requestId) {
    super(message(job, problem), job.id(), job, null, requestId);
    this.problem = problem;
  }

  /** Why the job failed (a bare 500 problem if the server recorded none). */
  public Problem problem() {
    return problem;
  }

  private static String message(Job job, Problem problem) {
    String code = problem.code() == null ? "" : " [" + problem.code() + "]";
    String detail = problem.detail() == null ? "" : ": " + problem.detail();
    return "Job " + job.id() + " failed" + code + detail;
  }
}
