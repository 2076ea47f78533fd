package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * The job state changes a remote worker makes, with the lease: the job member {@code lease} ({@code
 * worker}, {@code attempt}, {@code renewedAt}, {@code expiresAt}) says who runs the job and until when
 * that worker's claim holds without a heartbeat. Status changes are sdk-async's {@link JobLifecycle}
 * (timestamps, expiry, problem, the result link on success); a redelivered running job keeps
 * {@code running} and gets a new lease.
 */
public final class Transitions {
  /** The job member holding the lease. */
  public static final String LEASE = "lease";

  private Transitions() {}

  /** Queued → running, or running (redelivered) → running under a new lease. */
  static Job start(Job job, String worker, int attempt, Instant now, Duration lease) {
    Job running = job.status().equals(JobStatus.QUEUED) ? JobLifecycle.start(job, now) : job;
    return running.toBuilder().updatedAt(now).extension(LEASE, lease(worker, attempt, now, lease)).build();
  }

  static Job renew(Job job, Instant now, Duration lease) {
    Map<String, Object> current = lease(job).orElse(Map.of());
    Object attempt = current.getOrDefault("attempt", 1);
    return job.toBuilder().updatedAt(now)
        .extension(LEASE, lease(String.valueOf(current.get("worker")), ((Number) attempt).intValue(), now, lease))
        .build();
  }

  /** The lease is given up: the job waits to be delivered again. */
  static Job released(Job job, Instant now) {
    Map<String, Object> lease = new LinkedHashMap<>(lease(job).orElse(Map.of()));
    lease.put("expiresAt", now.toString());
    lease.put("released", true);
    return job.toBuilder().updatedAt(now).extension(LEASE, lease).build();
  }

  static Job progress(Job job, JobProgress progress, Instant now) {
    return JobLifecycle.progress(job, progress, now);
  }

  static Job succeed(Job job, Instant now, Duration ttl) {
    return JobLifecycle.succeed(endLease(job, now), now, ttl);
  }

  /** Fails a running job, or a queued one that can never run (it passes through running). */
  static Job fail(Job job, Problem problem, Instant now, Duration ttl) {
    Job running = job.status().equals(JobStatus.QUEUED) ? JobLifecycle.start(job, now) : job;
    return JobLifecycle.fail(endLease(running, now), problem, now, ttl);
  }

  static Job cancel(Job job, Instant now, Duration ttl) {
    return JobLifecycle.cancel(endLease(job, now), now, ttl);
  }

  /** The lease member of {@code job}, if any. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> lease(Job job) {
    Object lease = job.extensions().get(LEASE);
    return lease instanceof Map ? Optional.of((Map<String, Object>) lease) : Optional.empty();
  }

  /** Whether {@code job} runs nowhere: it was released for another delivery that has not started yet. */
  static boolean isReleased(Job job) {
    return job.status().equals(JobStatus.RUNNING)
        && lease(job).map(lease -> Boolean.TRUE.equals(lease.get("released"))).orElse(false);
  }

  /** When the lease of a running job ends without a heartbeat; empty without a lease. */
  public static Optional<Instant> leaseExpiry(Job job) {
    return lease(job).map(lease -> lease.get("expiresAt")).map(value -> Instant.parse(value.toString()));
  }

  /** The delivery attempt the lease belongs to; 0 without a lease. */
  public static int attempt(Job job) {
    return lease(job).map(lease -> lease.get("attempt")).map(value -> ((Number) value).intValue()).orElse(0);
  }

  /** The job with its lease (if any) ended at {@code now}: a finished job holds no claim. */
  private static Job endLease(Job job, Instant now) {
    Map<String, Object> lease = new LinkedHashMap<>(lease(job).orElse(Map.of()));
    if (lease.isEmpty()) {
      return job;
    }
    lease.put("expiresAt", now.toString());
    return job.toBuilder().extension(LEASE, lease).build();
  }

  private static Map<String, Object> lease(String worker, int attempt, Instant now, Duration lease) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("worker", worker);
    members.put("attempt", attempt);
    members.put("renewedAt", now.toString());
    members.put("expiresAt", now.plus(lease).toString());
    return members;
  }
}
