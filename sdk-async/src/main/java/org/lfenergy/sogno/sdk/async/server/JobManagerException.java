package org.lfenergy.sogno.sdk.async.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * A {@link JobManager} refused a request; {@link #problem()} is the answer to send to the client, with
 * its stable {@link #code()}:
 *
 * <table>
 *   <caption>Codes</caption>
 *   <tr><th>code</th><th>status</th><th>when</th></tr>
 *   <tr><td>{@code job-not-found}</td><td>404</td><td>unknown, expired, or another principal's job</td></tr>
 *   <tr><td>{@code job-not-finished}</td><td>409</td><td>result asked for before the job ended</td></tr>
 *   <tr><td>{@code job-not-succeeded}</td><td>409</td><td>result asked for a failed or cancelled job</td></tr>
 *   <tr><td>{@code job-already-finished}</td><td>409</td><td>cancel of a succeeded or failed job</td></tr>
 *   <tr><td>{@code idempotency-key-reused}</td><td>422</td><td>same key, different request</td></tr>
 *   <tr><td>{@code queue-full}</td><td>503</td><td>no capacity; {@link #retryAfter()} says when to retry</td></tr>
 *   <tr><td>{@code job-state-unavailable}</td><td>503</td><td>the {@link JobStore} cannot reach its storage
 *       ({@link JobStoreUnavailableException}); {@link #retryAfter()} says when to retry</td></tr>
 * </table>
 */
public class JobManagerException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final Duration retryAfter;

  JobManagerException(Problem problem, Duration retryAfter) {
    this(problem, retryAfter, null);
  }

  private JobManagerException(Problem problem, Duration retryAfter, Throwable cause) {
    super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), cause, null);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.retryAfter = retryAfter;
  }

  static JobManagerException jobNotFound(String jobId) {
    return of(404, "job-not-found", "Job not found", "No job " + jobId + " is visible to you", null);
  }

  static JobManagerException notFinished(String jobId) {
    return of(409, "job-not-finished", "Job not finished", "Job " + jobId + " has no result yet", null);
  }

  static JobManagerException notSucceeded(String jobId, Object status) {
    return of(
        409,
        "job-not-succeeded",
        "Job did not succeed",
        "Job " + jobId + " ended " + status + " and has no result",
        null);
  }

  static JobManagerException alreadyFinished(String jobId, Object status) {
    return of(
        409,
        "job-already-finished",
        "Job already finished",
        "Job " + jobId + " already ended " + status,
        null);
  }

  static JobManagerException idempotencyKeyReused() {
    return of(
        422,
        "idempotency-key-reused",
        "Idempotency key reused",
        "This Idempotency-Key was already used for a different request",
        null);
  }

  static JobManagerException queueFull(String detail, Duration retryAfter) {
    return of(503, "queue-full", "Job queue full", detail, retryAfter);
  }

  static JobManagerException stateUnavailable(JobStoreUnavailableException cause, Duration retryAfter) {
    Problem problem = Problem.builder().code("job-state-unavailable").status(503).title("Job state unavailable")
        .detail("The job state cannot be read or written at the moment").build();
    return new JobManagerException(problem, retryAfter, cause);
  }

  private static JobManagerException of(
      int status, String code, String title, String detail, Duration retryAfter) {
    Problem problem = Problem.builder().code(code).status(status).title(title).detail(detail).build();
    return new JobManagerException(problem, retryAfter);
  }

  /** The problem to answer with. */
  public Problem problem() {
    return problem;
  }

  /** The problem's stable code, e.g. {@code queue-full}. */
  public String code() {
    return problem.code();
  }

  /** The HTTP status to answer with. */
  public int status() {
    return problem.status();
  }

  /** When the client may retry; present for {@code queue-full}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
