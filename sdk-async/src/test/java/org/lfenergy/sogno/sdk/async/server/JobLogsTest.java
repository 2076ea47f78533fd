package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.testing.CapturedLogs;

/** The lines of {@link JobManagerConfig#LOGGER_NAME}, captured as written through the Logback test binding. */
class JobLogsTest {
  private CapturedLogs logs;
  private JobManager manager;

  @BeforeEach
  void capture() {
    logs = CapturedLogs.of(JobManagerConfig.LOGGER_NAME, Level.INFO);
    manager = JobManager.builder().build();
  }

  @AfterEach
  void release() {
    manager.close();
    logs.close();
  }

  @Test
  void everyStateChangeIsOneInfoLineWithIdKindAndTransition() {
    Job job = manager.submit(JobSubmission.builder("study").build(), ctx -> "done");
    await().until(() -> lines(Level.INFO, job).size() == 3);

    assertThat(lines(Level.INFO, job)).containsExactly(
        "Job " + job.id() + " (study): new -> queued",
        "Job " + job.id() + " (study): queued -> running",
        "Job " + job.id() + " (study): running -> succeeded");
    assertThat(lines(Level.WARN, job)).isEmpty();
  }

  @Test
  void aFailureIsAWarningWithTheProblemsCodeAndTitleButNotItsDetail() {
    Job job = manager.submit(JobSubmission.builder("study").build(), ctx -> {
      throw new JobFailureException(Problem.builder().code("diverged").status(422).title("Load flow diverged")
          .detail("bus 7 of the grid of customer 4711").build());
    });
    await().until(() -> lines(Level.WARN, job).size() == 1);

    assertThat(lines(Level.WARN, job)).containsExactly(
        "Job " + job.id() + " (study): running -> failed: diverged (Load flow diverged)");
    assertThat(lines(Level.INFO, job)).hasSize(2).noneMatch(line -> line.contains("failed"));
    assertThat(String.join("\n", lines(Level.WARN, job))).doesNotContain("4711");
  }

  @Test
  void anUnexpectedExceptionsMessageStaysOutOfTheStateChangeLine() {
    Job job = manager.submit(JobSubmission.builder("study").build(), ctx -> {
      throw new IllegalStateException("password=hunter2");
    });
    await().until(() -> lines(Level.WARN, job).size() == 1);

    assertThat(lines(Level.WARN, job)).containsExactly(
        "Job " + job.id() + " (study): running -> failed: job-failed (Job failed)");
  }

  private List<String> lines(Level level, Job job) {
    return logs.lines(level).stream().filter(line -> line.contains(job.id())).toList();
  }
}
