package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.testing.CapturedLogs;

/** The job manager's meters in a {@link SimpleMeterRegistry}: gauges, run durations, refusals. */
class JobMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ObservabilityConfig observability = ObservabilityConfig.builder().meterRegistry(registry).build();
  private final CountDownLatch release = new CountDownLatch(1);
  private JobManager manager;

  @AfterEach
  void stop() {
    release.countDown();
    if (manager != null) {
      manager.close();
    }
  }

  private JobManager start(int workers, int queue) {
    return start(JobManager.builder().config(JobManagerConfig.builder().workers(workers).queueCapacity(queue).build()));
  }

  private JobManager start(JobManager.Builder builder) {
    manager = builder.observability(observability).build();
    return manager;
  }

  private Job submitBlocking(String kind) {
    return manager.submit(JobSubmission.builder(kind).build(), ctx -> {
      release.await();
      return null;
    });
  }

  @Test
  void queuedAndRunningGaugesGoUpAndDownWithTheJobs() {
    start(1, 5);
    submitBlocking("solve");
    submitBlocking("solve");
    submitBlocking("solve");

    await().until(() -> gauge("sogno.jobs.running") == 1 && gauge("sogno.jobs.queued") == 2);

    release.countDown();
    await().until(() -> gauge("sogno.jobs.running") == 0 && gauge("sogno.jobs.queued") == 0);
  }

  @Test
  void gaugesStillReadTheManagerAfterAGarbageCollection() {
    start(1, 5);
    WeakReference<Object> collectable = new WeakReference<>(new Object());

    await().until(() -> {
      System.gc();
      return collectable.get() == null; // weakly held objects are gone: so would a weakly held supplier be
    });

    assertThat(gauge("sogno.jobs.queued")).isZero();
    assertThat(gauge("sogno.jobs.running")).isZero();
  }

  @Test
  void closingTheManagerRemovesItsGauges() {
    start(1, 5);
    assertThat(registry.find("sogno.jobs.queued").gauge()).isNotNull();

    manager.close();

    assertThat(registry.find("sogno.jobs.queued").gauge()).isNull();
    assertThat(registry.find("sogno.jobs.running").gauge()).isNull();
  }

  @Test
  void aSecondManagerOnTheSameRegistryLeavesTheFirstsGaugesToIt() {
    start(1, 5);
    submitBlocking("solve");
    submitBlocking("solve");
    await().until(() -> gauge("sogno.jobs.running") == 1 && gauge("sogno.jobs.queued") == 1);

    try (CapturedLogs logs = CapturedLogs.of(JobManagerConfig.LOGGER_NAME, Level.WARN)) {
      JobManager second = JobManager.builder().observability(observability).build();
      second.close();
      assertThat(logs.lines(Level.WARN)).singleElement().asString()
          .contains("another job runtime's sogno.jobs.queued and sogno.jobs.running gauges");
    }

    assertThat(gauge("sogno.jobs.running")).as("still the first manager's").isEqualTo(1);
    assertThat(gauge("sogno.jobs.queued")).isEqualTo(1);
    release.countDown();
    await().until(() -> gauge("sogno.jobs.running") == 0 && gauge("sogno.jobs.queued") == 0);
  }

  @Test
  void runsAreTimedByKindAndOutcome() {
    start(2, 5);
    Job succeeded = manager.submit(JobSubmission.builder("solve").build(), ctx -> "done");
    Job failed = manager.submit(JobSubmission.builder("solve").build(), ctx -> {
      throw new JobFailureException(Problem.builder().code("diverged").status(422).title("Diverged").build());
    });
    Job cancelled = submitBlocking("study");
    await().until(() -> manager.get(cancelled.id(), null).status().equals(JobStatus.RUNNING));
    manager.cancel(cancelled.id(), null);

    await().until(() -> terminal(succeeded) && terminal(failed) && terminal(cancelled));
    await().until(() -> registry.find("sogno.jobs.duration").timers().size() == 3);
    assertThat(runs("solve", "succeeded")).isEqualTo(1);
    assertThat(runs("solve", "failed")).isEqualTo(1);
    assertThat(runs("study", "cancelled")).isEqualTo(1);
  }

  @Test
  void aFullQueueAndAShutdownAreRefusalsOfTheirOwn() {
    start(1, 0);
    submitBlocking("solve");

    assertThatThrownBy(() -> submitBlocking("solve")).isInstanceOf(JobManagerException.class);
    release.countDown();
    manager.close();
    assertThatThrownBy(() -> submitBlocking("solve")).isInstanceOf(JobManagerException.class);

    assertThat(refusals("solve", "queue_full")).isEqualTo(1);
    assertThat(refusals("solve", "shutting_down")).isEqualTo(1);
  }

  @Test
  void aFullStoreIsCountedAsStoreFull() {
    start(JobManager.builder().config(JobManagerConfig.builder().workers(1).queueCapacity(5).build())
        .store(InMemoryJobStore.withCapacity(1, Clock.systemUTC())));
    submitBlocking("solve");

    assertThatThrownBy(() -> submitBlocking("solve")).isInstanceOfSatisfying(JobManagerException.class,
        e -> assertThat(e.code()).isEqualTo("queue-full"));

    assertThat(refusals("solve", "store_full")).isEqualTo(1);
    assertThat(refusals("solve", "queue_full")).isZero();
  }

  @Test
  void anIdempotencyKeyReusedForAnotherRequestIsCountedAsAConflict() {
    start(1, 5);
    manager.submit(JobSubmission.builder("solve").idempotencyKey("k", "fp-1").build(), ctx -> null);

    assertThatThrownBy(() -> manager.submit(JobSubmission.builder("solve").idempotencyKey("k", "fp-2").build(),
        ctx -> null)).isInstanceOfSatisfying(JobManagerException.class,
            e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));

    assertThat(refusals("solve", "idempotency_conflict")).isEqualTo(1);
  }

  @Test
  void aDispatcherThatCannotHandTheJobOverIsCountedAsDispatchRejected() {
    start(JobManager.builder().dispatcher((record, work) -> {
      throw new RejectedExecutionException("no worker takes jobs");
    }));

    assertThatThrownBy(() -> manager.submit(JobSubmission.builder("solve").build(), ctx -> null))
        .isInstanceOf(JobManagerException.class);

    assertThat(refusals("solve", "dispatch_rejected")).isEqualTo(1);
    assertThat(registry.find("sogno.jobs.queued").gauge()).as("a dispatcher's runtime owns the gauges").isNull();
  }

  private boolean terminal(Job job) {
    return manager.get(job.id(), null).isTerminal();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private long runs(String kind, String outcome) {
    return registry.get("sogno.jobs.duration").tags("kind", kind, "outcome", outcome).timer().count();
  }

  private double refusals(String kind, String reason) {
    var counter = registry.find("sogno.jobs.refused").tags("kind", kind, "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
