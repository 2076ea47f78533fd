package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;

/**
 * One status change of a job, as delivered to a {@link JobListener}: the job after the change, the
 * status before it (absent for a newly accepted job), the owner and, where the runtime counts runs
 * (durable jobs), the number of the run it belongs to. Immutable.
 */
public final class JobStateChange {
  private final Job job;
  private final JobStatus previous;
  private final String owner;
  private final int attempt; // 0: not counted

  private JobStateChange(Job job, JobStatus previous, String owner, int attempt) {
    this.job = Objects.requireNonNull(job, "job");
    this.previous = previous;
    this.owner = owner;
    this.attempt = attempt;
  }

  /**
   * @param job the job after the change
   * @param previous the status before, or null for a new job
   * @param owner the job's owner, or null
   */
  public static JobStateChange of(Job job, JobStatus previous, String owner) {
    return new JobStateChange(job, previous, owner, 0);
  }

  /**
   * A copy naming the run the change belongs to.
   *
   * @throws IllegalArgumentException unless {@code attempt >= 1}
   */
  public JobStateChange withAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    return new JobStateChange(job, previous, owner, attempt);
  }

  public Job job() {
    return job;
  }

  public Optional<JobStatus> previous() {
    return Optional.ofNullable(previous);
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /** The number of the run (from 1) the change belongs to, where the runtime counts runs. */
  public OptionalInt attempt() {
    return attempt == 0 ? OptionalInt.empty() : OptionalInt.of(attempt);
  }

  @Override
  public String toString() {
    return "JobStateChange{" + job.id() + ": " + previous + " -> " + job.status() + '}';
  }
}
