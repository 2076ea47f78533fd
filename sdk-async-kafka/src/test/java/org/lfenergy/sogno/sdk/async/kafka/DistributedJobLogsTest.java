package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.testing.CapturedLogs;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * The lines of {@link JobManagerConfig#LOGGER_NAME} for distributed jobs, captured through the Logback
 * test binding: the same lines as for in-process jobs, whichever replica makes the change.
 */
class DistributedJobLogsTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Cluster cluster = new Cluster(kafka);
  private final JobKinds kinds = JobKinds.builder()
      .kind("study", DistributedJobsTest.Echo.class, (request, ctx) -> request)
      .kind("diverge", DistributedJobsTest.Echo.class, (request, ctx) -> {
        throw new JobFailureException(Problem.builder().code("diverged").status(422).title("Load flow diverged")
            .detail("bus 7 of the grid of customer 4711").build());
      })
      .build();
  private CapturedLogs logs;
  private DistributedJobs submitter;

  @BeforeEach
  void capture() {
    logs = CapturedLogs.of(JobManagerConfig.LOGGER_NAME, Level.INFO);
    submitter = cluster.replica("a", 0, kinds);
    cluster.replica("b", 1, kinds);
  }

  @AfterEach
  void release() {
    cluster.close();
    logs.close();
  }

  private Job submit(String kind) {
    return submitter.jobManager().submit(JobSubmission.builder(kind).build(),
        kinds.work(kind, new DistributedJobsTest.Echo("x")));
  }

  @Test
  void everyStateChangeOnEitherReplicaIsOneInfoLineWithIdKindAndTransition() {
    Job job = submit("study");
    await().atMost(WAIT).until(() -> lines(Level.INFO, job).size() == 3);

    assertThat(lines(Level.INFO, job)).containsExactly(
        "Job " + job.id() + " (study): new -> queued",
        "Job " + job.id() + " (study): queued -> running",
        "Job " + job.id() + " (study): running -> succeeded");
    assertThat(lines(Level.WARN, job)).isEmpty();
  }

  @Test
  void aFailureIsAWarningWithTheDeliveryAttemptAndTheProblemsCodeAndTitleButNotItsDetail() {
    Job job = submit("diverge");
    await().atMost(WAIT).until(() -> lines(Level.WARN, job).size() == 1);

    assertThat(lines(Level.WARN, job)).containsExactly(
        "Job " + job.id() + " (diverge): running -> failed on attempt 1: diverged (Load flow diverged)");
    assertThat(lines(Level.INFO, job)).containsExactly(
        "Job " + job.id() + " (diverge): new -> queued",
        "Job " + job.id() + " (diverge): queued -> running");
    assertThat(String.join("\n", lines(Level.WARN, job))).doesNotContain("4711");
  }

  /** The lines so far; a copy taken under the appender's lock (it appends on the workers' threads). */
  private List<String> lines(Level level, Job job) {
    return logs.lines(level).stream().filter(line -> line.contains(job.id())).toList();
  }
}
