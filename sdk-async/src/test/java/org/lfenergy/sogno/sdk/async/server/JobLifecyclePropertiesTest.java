package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.Problem;

/** The job state machine against a model of the convention's lifecycle, for any sequence of operations. */
class JobLifecyclePropertiesTest {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Problem PROBLEM = Problem.builder().code("boom").status(500).title("Boom").build();

  enum Op { START, SUCCEED, FAIL, CANCEL, PROGRESS }

  /** The model: which status each operation leads to, from which statuses. */
  private static final Map<Op, Set<JobStatus>> ALLOWED_FROM = Map.of(
      Op.START, Set.of(JobStatus.QUEUED),
      Op.SUCCEED, Set.of(JobStatus.RUNNING),
      Op.FAIL, Set.of(JobStatus.RUNNING),
      Op.CANCEL, Set.of(JobStatus.QUEUED, JobStatus.RUNNING),
      Op.PROGRESS, Set.of(JobStatus.RUNNING));
  private static final Map<Op, JobStatus> LEADS_TO = Map.of(
      Op.START, JobStatus.RUNNING, Op.SUCCEED, JobStatus.SUCCEEDED, Op.FAIL, JobStatus.FAILED,
      Op.CANCEL, JobStatus.CANCELLED, Op.PROGRESS, JobStatus.RUNNING);

  @Property(tries = 1000)
  void everySequenceFollowsTheModelAndIllegalStepsAreRejected(@ForAll @Size(max = 12) List<Op> ops) {
    Instant now = Instant.parse("2026-11-27T21:00:00Z");
    Job job = JobLifecycle.queued("j", "test", now, "/v1/jobs");
    JobStatus modelStatus = JobStatus.QUEUED;

    for (Op op : ops) {
      now = now.plusSeconds(1);
      boolean allowed = ALLOWED_FROM.get(op).contains(modelStatus);
      Job before = job;
      if (allowed) {
        job = apply(op, job, now);
        modelStatus = LEADS_TO.get(op);
        assertThat(job.status()).isEqualTo(modelStatus);
        assertThat(job.updatedAt()).contains(now);
      } else {
        Instant at = now;
        assertThatThrownBy(() -> apply(op, before, at)).isInstanceOf(IllegalJobTransitionException.class);
        assertThat(job).isEqualTo(before);
      }
      assertInvariants(job);
    }
  }

  @Property(tries = 200)
  void aTerminalJobNeverChangesAgain(@ForAll @Size(min = 1, max = 8) List<Op> ops, @ForAll boolean failRatherThanSucceed) {
    Instant now = Instant.parse("2026-11-27T21:00:00Z");
    Job running = JobLifecycle.start(JobLifecycle.queued("j", null, now, "/v1/jobs"), now);
    Job terminal = failRatherThanSucceed ? JobLifecycle.fail(running, PROBLEM, now, TTL) : JobLifecycle.succeed(running, now, TTL);

    for (Op op : ops) {
      assertThatThrownBy(() -> apply(op, terminal, now.plusSeconds(5))).isInstanceOf(IllegalJobTransitionException.class);
    }
  }

  private static Job apply(Op op, Job job, Instant now) {
    switch (op) {
      case START:
        return JobLifecycle.start(job, now);
      case SUCCEED:
        return JobLifecycle.succeed(job, now, TTL);
      case FAIL:
        return JobLifecycle.fail(job, PROBLEM, now, TTL);
      case CANCEL:
        return JobLifecycle.cancel(job, now, TTL);
      default:
        return JobLifecycle.progress(job, JobProgress.of(50, "half"), now);
    }
  }

  private static void assertInvariants(Job job) {
    assertThat(job.problem().isPresent()).isEqualTo(job.status().equals(JobStatus.FAILED));
    assertThat(job.finishedAt().isPresent()).isEqualTo(job.isTerminal());
    assertThat(job.expiresAt()).isEqualTo(job.finishedAt().map(finished -> finished.plus(TTL)));
    job.startedAt().ifPresent(started -> assertThat(started).isAfterOrEqualTo(job.createdAt().orElseThrow()));
    job.finishedAt().ifPresent(finished -> assertThat(finished).isAfterOrEqualTo(job.startedAt().orElse(job.createdAt().orElseThrow())));
    assertThat(job.link(Job.RESULT).isPresent()).isEqualTo(job.status().equals(JobStatus.SUCCEEDED));
    assertThat(job.links()).containsKeys(Job.SELF, Job.CANCEL);
  }
}
