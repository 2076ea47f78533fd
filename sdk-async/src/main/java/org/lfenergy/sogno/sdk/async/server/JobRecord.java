package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;

/**
 * What a {@link JobStore} keeps per job: the public {@link Job} plus what only the server knows — the
 * owner, the idempotency key with its request fingerprint, the result, whether cancellation was
 * requested, and the trace context of the submitter (so a run, even after a restart or on another
 * replica, links to the request that submitted the job).
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
  private final String traceContext;

  private JobRecord(
      Job job,
      String owner,
      String idempotencyKey,
      String fingerprint,
      JobResult result,
      boolean cancelRequested,
      String traceContext) {
    this.job = Objects.requireNonNull(job, "job");
    this.owner = owner;
    this.idempotencyKey = idempotencyKey;
    this.fingerprint = fingerprint;
    this.result = result;
    this.cancelRequested = cancelRequested;
    this.traceContext = traceContext;
  }

  /**
   * @param job the job
   * @param owner the submitting principal's name, or null for anonymous submissions
   * @param idempotencyKey the client's {@code Idempotency-Key}, or null
   * @param fingerprint the request fingerprint that goes with the key, or null
   */
  public static JobRecord of(Job job, String owner, String idempotencyKey, String fingerprint) {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, null, false, null);
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

  /**
   * The W3C trace context of the span current when the job was submitted ({@code traceparent},
   * optionally followed by {@code ;} and the {@code tracestate}); empty without tracing.
   */
  public Optional<String> traceContext() {
    return Optional.ofNullable(traceContext);
  }

  public JobRecord withJob(Job newJob) {
    return new JobRecord(newJob, owner, idempotencyKey, fingerprint, result, cancelRequested, traceContext);
  }

  public JobRecord withResult(JobResult newResult) {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, newResult, cancelRequested, traceContext);
  }

  public JobRecord withCancelRequested() {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, result, true, traceContext);
  }

  /** A copy with the submitter's trace context (see {@link #traceContext()}); null for none. */
  public JobRecord withTraceContext(String newTraceContext) {
    return new JobRecord(job, owner, idempotencyKey, fingerprint, result, cancelRequested, newTraceContext);
  }

  @Override
  public String toString() {
    return "JobRecord{" + job + ", owner=" + owner + ", cancelRequested=" + cancelRequested + '}';
  }
}
