package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.jdbc.testing.TestClock;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link JobStore} keeps, run against each store by a subclass: lifecycle (with the
 * submitter's trace context), idempotency (key and fingerprint), owner scoping, expiry, and many
 * concurrent jobs with none lost.
 */
abstract class JobStoreContract {
  static final Duration TTL = Duration.ofHours(1);

  final TestClock clock = new TestClock();
  JobStore store;

  /** A new, empty store whose expiry follows {@code clock}. */
  abstract JobStore newStore(TestClock clock) throws Exception;

  /** Releases what {@link #newStore} opened. */
  void closeStore(JobStore store) throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    store = newStore(clock);
  }

  @AfterEach
  void releaseStore() throws Exception {
    closeStore(store);
  }

  JobRecord newRecord(String owner, String key, String fingerprint) {
    Job job = JobLifecycle.queued(UUID.randomUUID().toString(), "powerflow", clock.instant(), "/v1/jobs");
    return JobRecord.of(job, owner, key, fingerprint);
  }

  JobRecord finished(JobRecord record) {
    return store.update(record.id(), r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())))
        .flatMap(started -> store.update(record.id(),
            r -> r.withResult(JobResult.of("{}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL))))
        .orElseThrow();
  }

  @Test
  void keepsEveryStepOfTheLifecycle() {
    JobRecord record = store.insert(newRecord("alice", null, null));
    assertThat(store.find(record.id())).map(r -> r.job().status()).contains(JobStatus.QUEUED);

    store.update(record.id(), r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())));
    store.update(record.id(), r -> r.withJob(JobLifecycle.progress(r.job(), JobProgress.of(40, "iteration 3"),
        clock.instant())));
    JobRecord running = store.find(record.id()).orElseThrow();
    assertThat(running.job().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.job().progress()).contains(JobProgress.of(40, "iteration 3"));
    assertThat(running.owner()).contains("alice");

    byte[] body = "{\"converged\":true}".getBytes(StandardCharsets.UTF_8);
    store.update(record.id(), r -> r.withResult(JobResult.of(body, "application/json"))
        .withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL)));
    JobRecord done = store.find(record.id()).orElseThrow();
    assertThat(done.job().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.job().expiresAt()).contains(clock.instant().plus(TTL));
    assertThat(done.job().link(Job.RESULT)).isPresent();
    assertThat(done.result().orElseThrow().body()).isEqualTo(body);
    assertThat(done.result().orElseThrow().mediaType()).isEqualTo("application/json");
  }

  @Test
  void keepsTheSubmittersTraceContextThroughEveryChange() {
    String context = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01;vendor=opaque";
    JobRecord record = store.insert(newRecord("alice", null, null).withTraceContext(context));
    JobRecord untraced = store.insert(newRecord("alice", null, null));

    assertThat(store.find(record.id()).orElseThrow().traceContext()).contains(context);
    assertThat(finished(record).traceContext()).contains(context);
    assertThat(store.find(record.id()).orElseThrow().traceContext()).contains(context);
    assertThat(store.find(untraced.id()).orElseThrow().traceContext()).isEmpty();
  }

  @Test
  void keepsTheProblemOfAFailedJobAndTheCancelRequest() {
    JobRecord record = store.insert(newRecord(null, null, null));
    store.update(record.id(), r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())).withCancelRequested());
    Problem problem = Problem.builder().code("diverged").status(422).title("Did not converge").build();
    store.update(record.id(), r -> r.withJob(JobLifecycle.fail(r.job(), problem, clock.instant(), TTL)));

    JobRecord failed = store.find(record.id()).orElseThrow();
    assertThat(failed.job().status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.job().problem()).map(Problem::code).contains("diverged");
    assertThat(failed.cancelRequested()).isTrue();
    assertThat(failed.owner()).isEmpty();
    assertThat(failed.result()).isEmpty();
  }

  @Test
  void keepsAnEmptyResult() {
    JobRecord record = store.insert(newRecord(null, null, null));
    store.update(record.id(), r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())));
    store.update(record.id(), r -> r.withResult(JobResult.empty())
        .withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL)));

    assertThat(store.find(record.id()).orElseThrow().result()).hasValueSatisfying(
        result -> assertThat(result.isEmpty()).isTrue());
  }

  @Test
  void keepsALargeResultThroughLaterUpdates() {
    byte[] body = new byte[4 * 1024 * 1024];
    new java.util.Random(23).nextBytes(body);
    JobRecord record = store.insert(newRecord("alice", null, null));
    store.update(record.id(), r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())));
    store.update(record.id(), r -> r.withResult(JobResult.of(body, "application/octet-stream"))
        .withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL)));
    store.update(record.id(), JobRecord::withCancelRequested);

    JobResult stored = store.find(record.id()).orElseThrow().result().orElseThrow();
    assertThat(stored.size()).isEqualTo(body.length);
    assertThat(stored.body()).isEqualTo(body);
  }

  @Test
  void unknownJobsAreNotFoundAndNotUpdated() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(store.find("no-such-job")).isEmpty();
    assertThat(store.update("no-such-job", r -> {
      calls.incrementAndGet();
      return r;
    })).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void aFailingChangeLeavesTheRecordAsItWas() {
    JobRecord record = store.insert(newRecord("alice", null, null));
    assertThatThrownBy(() -> store.update(record.id(), r -> r.withJob(JobLifecycle.succeed(r.job(),
        clock.instant(), TTL)))).isInstanceOf(RuntimeException.class);
    assertThat(store.find(record.id())).map(r -> r.job().status()).contains(JobStatus.QUEUED);
  }

  @Test
  void theSameOwnerAndKeyGetTheFirstJob() {
    JobRecord first = store.insert(newRecord("alice", "key-1", "fp-1"));
    JobRecord second = store.insert(newRecord("alice", "key-1", "fp-2"));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.fingerprint()).contains("fp-1");
    assertThat(store.findByIdempotencyKey("alice", "key-1")).map(JobRecord::id).contains(first.id());
  }

  @Test
  void aKeyIsScopedToItsOwner() {
    JobRecord alices = store.insert(newRecord("alice", "key-1", "fp"));
    JobRecord bobs = store.insert(newRecord("bob", "key-1", "fp"));
    JobRecord anonymous = store.insert(newRecord(null, "key-1", "fp"));

    assertThat(Set.of(alices.id(), bobs.id(), anonymous.id())).hasSize(3);
    assertThat(store.findByIdempotencyKey(null, "key-1")).map(JobRecord::id).contains(anonymous.id());
    assertThat(store.findByIdempotencyKey("carol", "key-1")).isEmpty();
  }

  @Test
  void concurrentInsertsWithOneKeyAgreeOnOneJob() throws Exception {
    List<Callable<String>> inserts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      inserts.add(() -> store.insert(newRecord("alice", "race", "fp")).id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Set<String> ids = ConcurrentHashMap.newKeySet();
      for (Future<String> id : pool.invokeAll(inserts)) {
        ids.add(id.get());
      }
      assertThat(ids).hasSize(1);
      assertThat(store.find(ids.iterator().next())).isPresent();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theManagerAnswersTheSameJobForTheSameRequestAndRefusesAnother() {
    try (JobManager jobs = manager(JobManagerConfig.defaults())) {
      JobSubmission submission = JobSubmission.builder("powerflow").owner("alice").idempotencyKey("k", "fp-1").build();
      Job first = jobs.submit(submission, ctx -> "done");
      Job again = jobs.submit(submission, ctx -> "done");
      assertThat(again.id()).isEqualTo(first.id());

      JobSubmission other = JobSubmission.builder("powerflow").owner("alice").idempotencyKey("k", "fp-2").build();
      assertThatThrownBy(() -> jobs.submit(other, ctx -> "done"))
          .isInstanceOfSatisfying(JobManagerException.class,
              e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
    }
  }

  @Test
  void anotherOwnersJobIsNotFound() {
    try (JobManager jobs = manager(JobManagerConfig.defaults())) {
      Job job = jobs.submit(JobSubmission.builder("powerflow").owner("alice").build(), ctx -> "done");
      await().until(() -> jobs.get(job.id(), "alice").isTerminal());

      assertThatThrownBy(() -> jobs.get(job.id(), "bob")).isInstanceOfSatisfying(JobManagerException.class,
          e -> assertThat(e.code()).isEqualTo("job-not-found"));
      assertThatThrownBy(() -> jobs.result(job.id(), null)).isInstanceOfSatisfying(JobManagerException.class,
          e -> assertThat(e.code()).isEqualTo("job-not-found"));
      assertThat(jobs.result(job.id(), "alice").body()).asString(StandardCharsets.UTF_8).isEqualTo("\"done\"");
    }
  }

  @Test
  void anExpiredJobAndItsKeyAreGone() {
    JobRecord record = store.insert(newRecord("alice", "key-1", "fp"));
    finished(record);
    clock.advance(TTL.minusSeconds(1));
    assertThat(store.find(record.id())).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(store.find(record.id())).isEmpty();
    assertThat(store.findByIdempotencyKey("alice", "key-1")).isEmpty();
    assertThat(store.update(record.id(), r -> r)).isEmpty();

    JobRecord reused = store.insert(newRecord("alice", "key-1", "fp-new"));
    assertThat(reused.id()).isNotEqualTo(record.id());
    assertThat(store.findByIdempotencyKey("alice", "key-1")).map(JobRecord::id).contains(reused.id());
  }

  @Test
  void unfinishedJobsNeverExpire() {
    JobRecord record = store.insert(newRecord("alice", null, null));
    clock.advance(Duration.ofDays(365));
    assertThat(store.find(record.id())).isPresent();
  }

  @Test
  void aThousandConcurrentJobsAllFinishWithTheirOwnResult() throws Exception {
    JobManagerConfig config = JobManagerConfig.builder().workers(8).queueCapacity(1_000).build();
    int count = 1_000;
    try (JobManager jobs = manager(config)) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<Job>> submitted = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          int n = i;
          submitted.add(clients.submit(() -> jobs.submit(JobSubmission.builder("square").owner("alice").build(),
              ctx -> n * n)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Job> job : submitted) {
          ids.add(job.get().id());
        }
        assertThat(Set.copyOf(ids)).hasSize(count);
        await().atMost(Duration.ofMinutes(3)).until(() -> ids.stream()
            .allMatch(id -> store.find(id).map(r -> r.job().isTerminal()).orElse(false)));
        for (int i = 0; i < count; i++) {
          Optional<JobRecord> record = store.find(ids.get(i));
          assertThat(record).map(r -> r.job().status()).contains(JobStatus.SUCCEEDED);
          assertThat(jobs.result(ids.get(i), "alice").body()).asString(StandardCharsets.UTF_8)
              .isEqualTo(String.valueOf(i * i));
        }
      } finally {
        clients.shutdownNow();
      }
    }
  }

  JobManager manager(JobManagerConfig config) {
    return JobManager.builder().config(config.toBuilder().ttl(TTL).build()).store(store).clock(clock).build();
  }
}
