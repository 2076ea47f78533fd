package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;

/**
 * One status change of a job, as delivered to a {@link JobListener}: the job after the change, the
 * status before it (absent for a newly accepted job) and the owner. Immutable.
 */
public final class JobStateChange {
  private final Job job;
  private final JobStatus previous;
  private final String owner;

  private JobStateChange(Job job, JobStatus previous, String owner) {
    this.job = Objects.requireNonNull(job, "job");
    this.previous = previous;
    this.owner = owner;
  }

  /**
   * @param job the job after the change
   * @param previous the status before, or null for a new job
   * @param owner the job's owner, or null
   */
  public static JobStateChange of(Job job, JobStatus previous, String owner) {
    return new JobStateChange(job, previous, owner);
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

  @Override
  public String toString() {
    return "JobStateChange{" + job.id() + ": " + previous + " -> " + job.status() + '}';
  }
}
