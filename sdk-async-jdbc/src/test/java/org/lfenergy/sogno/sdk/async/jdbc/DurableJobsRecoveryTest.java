package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.jdbc.testing.EmbeddedRestarts;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Recovery on start and drain on the embedded default (H2 on a temporary directory), in one JVM:
 * several {@link DurableJobs} opened one after the other on the same directory stand for the
 * restarts of a service. The SIGKILL of a real process is {@link DurableJobsCrashTest}'s.
 */
class DurableJobsRecoveryTest {
  @RegisterExtension final EmbeddedRestarts restarts = new EmbeddedRestarts();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void release() {
    release.countDown(); // before the restarts close what they opened
  }

  @Test
  void drainReQueuesRunningJobsAndTheNextStartRunsThemAndTheQueuedOnes() throws Exception {
    DurableJobs first = start(blocking(), DurableJobsConfig.builder().workers(1).drainGrace(Duration.ZERO).build());
    Job running = submit(first, "running");
    await().until(() -> status(first, running) == JobStatus.RUNNING);
    Job queued = submit(first, "queued");

    first.close();
    assertThat(status(first, running)).isEqualTo(JobStatus.QUEUED);
    assertThat(status(first, queued)).isEqualTo(JobStatus.QUEUED);
    assertThatRefused(first);

    DurableJobs second = start(echo(), DurableJobsConfig.builder().workers(1).build());
    await().until(() -> status(second, running) == JobStatus.SUCCEEDED && status(second, queued) == JobStatus.SUCCEEDED);
    assertThat(second.jobManager().result(running.id(), null).body()).asString().isEqualTo("\"echo running\"");
    assertThat(second.jobManager().result(queued.id(), null).body()).asString().isEqualTo("\"echo queued\"");
  }

  @Test
  void drainLetsRunningJobsFinishWithinTheGrace() throws Exception {
    DurableJobs jobs = start(blocking(), DurableJobsConfig.builder().workers(1).drainGrace(Duration.ofMinutes(1)).build());
    Job running = submit(jobs, "running");
    await().until(() -> status(jobs, running) == JobStatus.RUNNING);

    Thread releaser = new Thread(() -> {
      await().until(() -> refuses(jobs));
      release.countDown();
    });
    releaser.start();
    jobs.close();
    releaser.join();

    assertThat(status(jobs, running)).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void aJobInterruptedOnItsLastAttemptFailsWithJobInterrupted() throws Exception {
    DurableJobsConfig twoAttempts = DurableJobsConfig.builder().workers(1).maxAttempts(2).build();
    DurableJobs first = start(blocking(), twoAttempts);
    Job job = submit(first, "doomed");
    await().until(() -> status(first, job) == JobStatus.RUNNING);

    // The first process "dies" (is never closed); a restart takes over what it ran.
    DurableJobs second = start(blocking(), twoAttempts);
    await().until(() -> status(second, job) == JobStatus.RUNNING
        && Integer.valueOf(2).equals(restarts.column(job.id(), "attempts")));

    DurableJobs third = start(echo(), twoAttempts);
    await().until(() -> status(third, job) == JobStatus.FAILED);
    Problem problem = third.jobManager().get(job.id(), null).problem().orElseThrow();
    assertThat(problem.code()).isEqualTo("job-interrupted");
    assertThat(problem.detail()).contains("2 times");
  }

  private DurableJobs start(JobKinds kinds, DurableJobsConfig config) {
    return restarts.start(kinds, builder -> builder.config(config.toBuilder()
        .pollInterval(Duration.ofMillis(50)).leaseDuration(Duration.ofSeconds(30)).build()));
  }

  private JobKinds blocking() {
    return JobKinds.builder().kind("echo", String.class, (text, ctx) -> {
      release.await();
      return "echo " + text;
    }).build();
  }

  private static JobKinds echo() {
    return JobKinds.builder().kind("echo", String.class, (text, ctx) -> "echo " + text).build();
  }

  private static Job submit(DurableJobs jobs, String text) {
    JobKinds kinds = echo();
    return jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", text));
  }

  private static JobStatus status(DurableJobs jobs, Job job) {
    return jobs.jobManager().get(job.id(), null).status();
  }

  private static boolean refuses(DurableJobs jobs) {
    try {
      submit(jobs, "late");
      return false;
    } catch (JobManagerException e) {
      return e.status() == 503 && e.retryAfter().isPresent();
    }
  }

  private static void assertThatRefused(DurableJobs jobs) {
    assertThat(refuses(jobs)).as("a drained manager refuses new jobs with 503 and Retry-After").isTrue();
  }
}
