package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;

/** What a durable job does while its service runs: progress, cancellation, failures, refused work. */
class DurableJobsTest {
  @TempDir Path dataDir;
  private JdbcJobStore store;
  private DurableJobs jobs;
  private JobManager manager;

  private final JobKinds kinds = JobKinds.builder()
      .kind("loop", String.class, (text, ctx) -> {
        ctx.progress(50, "half way");
        while (true) {
          ctx.throwIfCancellationRequested();
          Thread.sleep(20);
        }
      })
      .kind("refuse", String.class, (text, ctx) -> {
        throw new JobFailureException(Problem.builder().code("bad-input").status(422).title(text).build());
      })
      .kind("crash", String.class, (text, ctx) -> {
        throw new IllegalStateException("secret internal detail");
      })
      .build();

  @BeforeEach
  void start() {
    store = JdbcJobStores.embedded(dataDir);
    jobs = DurableJobs.builder(store, kinds).config(DurableJobsConfig.builder().workers(2)
        .leaseDuration(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).build()).start();
    manager = jobs.jobManager();
  }

  @AfterEach
  void stop() {
    jobs.close();
    store.close();
  }

  @Test
  void progressIsVisibleAndCancellingStopsARunningJob() {
    Job job = manager.submit(JobSubmission.builder("loop").build(), kinds.work("loop", "x"));
    await().until(() -> manager.get(job.id(), null).progress().flatMap(JobProgress::percent).orElse(0) == 50);

    manager.cancel(job.id(), null);

    await().until(() -> manager.get(job.id(), null).status() == JobStatus.CANCELLED);
  }

  @Test
  void failuresKeepTheWorksProblemAndHideInternalOnes() {
    Job refused = manager.submit(JobSubmission.builder("refuse").build(), kinds.work("refuse", "no"));
    Job crashed = manager.submit(JobSubmission.builder("crash").build(), kinds.work("crash", "x"));
    await().until(() -> manager.get(refused.id(), null).isTerminal() && manager.get(crashed.id(), null).isTerminal());

    assertThat(manager.get(refused.id(), null).problem()).map(Problem::code).contains("bad-input");
    Optional<Problem> hidden = manager.get(crashed.id(), null).problem();
    assertThat(hidden).map(Problem::code).contains("job-failed");
    assertThat(hidden.orElseThrow().detail()).doesNotContain("secret");
  }

  @Test
  void workNotAddressedByARegisteredKindIsRefused() {
    assertThatThrownBy(() -> manager.submit(JobSubmission.builder("loop").build(), ctx -> "a lambda"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JobKinds.work");
    JobKinds other = JobKinds.builder().kind("elsewhere", String.class, (text, ctx) -> text).build();
    assertThatThrownBy(() -> manager.submit(JobSubmission.builder("elsewhere").build(), other.work("elsewhere", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elsewhere");
  }

  @Test
  void aCancelledQueuedJobNeverRuns() {
    Job first = manager.submit(JobSubmission.builder("loop").build(), kinds.work("loop", "1"));
    Job second = manager.submit(JobSubmission.builder("loop").build(), kinds.work("loop", "2"));
    await().until(() -> manager.get(first.id(), null).status() == JobStatus.RUNNING
        && manager.get(second.id(), null).status() == JobStatus.RUNNING);
    Job third = manager.submit(JobSubmission.builder("loop").build(), kinds.work("loop", "3"));

    assertThat(manager.cancel(third.id(), null).status()).isEqualTo(JobStatus.CANCELLED);
    manager.cancel(first.id(), null);
    await().until(() -> manager.get(first.id(), null).status() == JobStatus.CANCELLED);
    assertThat(manager.get(third.id(), null).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(manager.get(third.id(), null).startedAt()).isEmpty();
    manager.cancel(second.id(), null);
  }
}
