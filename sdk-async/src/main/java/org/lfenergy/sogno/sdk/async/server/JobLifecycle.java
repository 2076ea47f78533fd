package org.lfenergy.sogno.sdk.async.server;

import java.time.Duration;
import java.time.Instant;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.Link;
import org.lfenergy.sogno.sdk.core.Problem;

/** The job state machine: each method returns the job after one allowed change, or throws. */
final class JobLifecycle {
  private JobLifecycle() {}

  static Job queued(String id, String kind, Instant now, String jobsPath) {
    String self = jobsPath + "/" + id;
    return Job.builder(id, JobStatus.QUEUED)
        .kind(kind)
        .createdAt(now)
        .updatedAt(now)
        .link(Job.SELF, Link.of(self))
        .link(Job.CANCEL, Link.of(self + "/cancel"))
        .build();
  }

  static Job start(Job job, Instant now) {
    return transition(job, JobStatus.RUNNING, now).startedAt(now).build();
  }

  /** The result link appears only now, as the guidelines ask (SOGNO-602). */
  static Job succeed(Job job, Instant now, Duration ttl) {
    String self = job.link(Job.SELF).map(Link::href).orElseThrow();
    return finish(job, JobStatus.SUCCEEDED, now, ttl).link(Job.RESULT, Link.of(self + "/result")).build();
  }

  static Job fail(Job job, Problem problem, Instant now, Duration ttl) {
    return finish(job, JobStatus.FAILED, now, ttl).problem(problem).build();
  }

  static Job cancel(Job job, Instant now, Duration ttl) {
    return finish(job, JobStatus.CANCELLED, now, ttl).build();
  }

  /** Progress is recorded only while running. */
  static Job progress(Job job, JobProgress progress, Instant now) {
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
