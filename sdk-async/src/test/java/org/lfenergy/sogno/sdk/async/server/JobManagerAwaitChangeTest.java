package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;

/** {@link JobManager#awaitChange}: the wait behind long polls that answer on progress. */
class JobManagerAwaitChangeTest {
  private final JobManager manager = JobManager.builder().config(JobManagerConfig.builder().workers(1).build()).build();
  private final CountDownLatch reported = new CountDownLatch(1);
  private final CountDownLatch finish = new CountDownLatch(1);

  @AfterEach
  void close() {
    finish.countDown();
    manager.close();
  }

  private Job startReportingJob() throws InterruptedException {
    Job job = manager.submit(JobSubmission.builder("test").owner("alice").build(), ctx -> {
      reported.await();
      ctx.progress(40, "half way");
      finish.await();
      return "done";
    });
    await().until(() -> manager.get(job.id(), "alice").status().equals(JobStatus.RUNNING));
    return job;
  }

  @Test
  void completesWithTheJobAtItsNextProgressWhileAwaitCompletionKeepsWaiting() throws Exception {
    Job job = startReportingJob();
    CompletableFuture<Job> change = manager.awaitChange(job.id(), "alice", Duration.ofSeconds(30));
    CompletableFuture<Job> completion = manager.awaitCompletion(job.id(), "alice", Duration.ofSeconds(30));
    assertThat(change).isNotDone();

    reported.countDown();

    Job changed = change.get();
    assertThat(changed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(changed.progress()).contains(JobProgress.of(40, "half way"));
    assertThat(completion).isNotDone();
    finish.countDown();
    assertThat(completion.get().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void completesWithTheTerminalJobAtItsEnd() throws Exception {
    Job job = startReportingJob();
    reported.countDown();
    await().until(() -> manager.get(job.id(), "alice").progress().isPresent());
    CompletableFuture<Job> change = manager.awaitChange(job.id(), "alice", Duration.ofSeconds(30));

    finish.countDown();

    assertThat(change.get().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void answersAtOnceForAFinishedJob() throws Exception {
    Job job = startReportingJob();
    reported.countDown();
    finish.countDown();
    await().until(() -> manager.get(job.id(), "alice").isTerminal());

    assertThat(manager.awaitChange(job.id(), "alice", Duration.ofSeconds(30))).isCompleted();
  }
}
