package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;

/**
 * What a {@link JobStore} keeps per job: the public {@link Job} plus what only the server knows — the
 * owner, the idempotency key with its request fingerprint, the result, and whether cancellation was
 * requested.
 *
 * <p>Immutable and thread-safe; {@code with…} methods return changed copies.
 */
public final class JobRecord {
  private final Job job;
  private final String owner;
  private final String idempotencyKey;
  private final String fingerprint;
  private final JobResult result;
  private final boolean cancelRequested;

  private JobRecord(
      Job job,
      String owner,
      String idempotencyKey,
      String fingerprint,
      JobResult result,
      boolean cancelRequested) {
    this.job = Objects.requireNonNull(job, "job");
    this.owner = owner;
    this.idempotencyKey = idempotencyKey;
    this.fingerprint = fingerprint;
    this.result = result;
    this.cancelRequested = cancelRequested;
  }

  /**
   * @param job the job
   * @param owner the submitting principal's name, or null for anonymous submissions
   * @param idempotencyKey the client's {@code Idempotency-Key}, or null
   * @param fingerprint the request fingerprint that goes with the key, or null
   */
  public static JobRecord of(Job job, String owner, String idempotencyKey, String fingerprint) {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, null, false);
  }

  public Job job() {
    return job;
  }

  /** The id of {@link #job()}. */
  public String id() {
    return job.id();
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  public Optional<String> fingerprint() {
    return Optional.ofNullable(fingerprint);
  }

  /** The stored result, present once the job succeeded. */
  public Optional<JobResult> result() {
    return Optional.ofNullable(result);
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  public JobRecord withJob(Job newJob) {
    return new JobRecord(newJob, owner, idempotencyKey, fingerprint, result, cancelRequested);
  }

  public JobRecord withResult(JobResult newResult) {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, newResult, cancelRequested);
  }

  public JobRecord withCancelRequested() {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, result, true);
  }

  @Override
  public String toString() {
    return "JobRecord{" + job + ", owner=" + owner + ", cancelRequested=" + cancelRequested + '}';
  }
}
