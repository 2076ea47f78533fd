package org.lfenergy.sogno.sdk.async.server;

import java.time.Duration;
import java.time.Instant;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.Link;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * The job state machine of the convention, for code that changes jobs outside a {@link JobManager}
 * (remote workers of a {@link JobDispatcher}, {@link JobStore} implementations): each method returns
 * the job after one allowed change — with the timestamps, expiry, problem and links the guidelines
 * ask for (the {@code result} link appears on success) — or throws {@link
 * IllegalJobTransitionException}. Stateless and thread-safe.
 */
public final class JobLifecycle {
  private JobLifecycle() {}

  /**
   * A new job: {@code queued}, with {@code self} and {@code cancel} links under {@code jobsPath}.
   *
   * @param kind what the job does, may be null
   */
  public static Job queued(String id, String kind, Instant now, String jobsPath) {
    String self = jobsPath + "/" + id;
    return Job.builder(id, JobStatus.QUEUED)
        .kind(kind)
        .createdAt(now)
        .updatedAt(now)
        .link(Job.SELF, Link.of(self))
        .link(Job.CANCEL, Link.of(self + "/cancel"))
        .build();
  }

  /** {@code queued → running}. */
  public static Job start(Job job, Instant now) {
    return transition(job, JobStatus.RUNNING, now).startedAt(now).build();
  }

  /** {@code running → succeeded}; the result link appears only now, as the guidelines ask (SOGNO-602). */
  public static Job succeed(Job job, Instant now, Duration ttl) {
    Link result = job.link(Job.SELF).map(self -> Link.of(self.href() + "/result")).orElse(null);
    return finish(job, JobStatus.SUCCEEDED, now, ttl).link(Job.RESULT, result).build();
  }

  /** {@code running → failed} with {@code problem}. */
  public static Job fail(Job job, Problem problem, Instant now, Duration ttl) {
    return finish(job, JobStatus.FAILED, now, ttl).problem(problem).build();
  }

  /** {@code queued | running → cancelled}. */
  public static Job cancel(Job job, Instant now, Duration ttl) {
    return finish(job, JobStatus.CANCELLED, now, ttl).build();
  }

  /**
   * {@code running → queued}: the run was interrupted (its process stopped or drained) and the job
   * waits to run again; {@code startedAt} and progress are cleared. Only for runtimes that keep jobs
   * durably and run them again; the status machine of clients sees a job that is not terminal yet.
   */
  public static Job requeue(Job job, Instant now) {
    if (!job.status().equals(JobStatus.RUNNING)) {
      throw new IllegalJobTransitionException(job.id(), job.status(), JobStatus.QUEUED);
    }
    return job.toBuilder().status(JobStatus.QUEUED).startedAt(null).progress(null).updatedAt(now).build();
  }

  /** New progress; recorded only while {@code running}. */
  public static Job progress(Job job, JobProgress progress, Instant now) {
    if (!job.status().equals(JobStatus.RUNNING)) {
      throw new IllegalJobTransitionException(job.id(), job.status(), job.status());
    }
    return job.toBuilder().progress(progress).updatedAt(now).build();
  }

  private static Job.Builder finish(Job job, JobStatus next, Instant now, Duration ttl) {
    return transition(job, next, now).finishedAt(now).expiresAt(now.plus(ttl));
  }

  private static Job.Builder transition(Job job, JobStatus next, Instant now) {
    if (!job.status().canTransitionTo(next)) {
      throw new IllegalJobTransitionException(job.id(), job.status(), next);
    }
    return job.toBuilder().status(next).updatedAt(now);
  }
}
