package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.testing.MutableClock;

class InMemoryJobStoreTest {
  private static final Duration TTL = Duration.ofMinutes(10);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T21:00:00Z"));

  private JobRecord queued(String id) {
    return JobRecord.of(JobLifecycle.queued(id, "t", clock.instant(), "/v1/jobs"), "alice", null, null);
  }

  private JobRecord finished(InMemoryJobStore store, String id) {
    store.insert(queued(id));
    store.update(id, r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())));
    return store.update(id, r -> r.withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL))).orElseThrow();
  }

  @Test
  void finishedJobIsForgottenOnceItsExpiryPasses() {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(10, clock);
    finished(store, "a");
    store.insert(queued("live"));

    clock.advance(TTL.minusSeconds(1));
    assertThat(store.find("a")).isPresent();
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.find("a")).isEmpty();
    assertThat(store.update("a", r -> r)).isEmpty();
    assertThat(store.find("live")).as("unfinished jobs never expire").isPresent();
  }

  @Test
  void fullStoreEvictsTheJobThatFinishedFirstToMakeRoom() {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(3, clock);
    finished(store, "first");
    clock.advance(Duration.ofSeconds(1));
    finished(store, "second");
    store.insert(queued("live"));

    store.insert(queued("new"));

    assertThat(store.find("first")).isEmpty();
    assertThat(store.find("second")).isPresent();
    assertThat(store.find("new")).isPresent();
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void storeFullOfUnfinishedJobsRefusesInsteadOfEvictingThem() {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(2, clock);
    store.insert(queued("a"));
    store.insert(queued("b"));

    assertThatThrownBy(() -> store.insert(queued("c"))).isInstanceOf(JobStoreFullException.class);
    assertThat(store.find("a")).isPresent();
    assertThat(store.find("b")).isPresent();
  }

  @Test
  void idempotencyKeyIsScopedToTheOwnerAndExpiresWithItsJob() {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(10, clock);
    Job job = JobLifecycle.queued("a", "t", clock.instant(), "/v1/jobs");
    store.insert(JobRecord.of(job, "alice", "k", "fp"));

    assertThat(store.findByIdempotencyKey("alice", "k")).map(JobRecord::id).contains("a");
    assertThat(store.findByIdempotencyKey("bob", "k")).isEmpty();
    assertThat(store.insert(JobRecord.of(JobLifecycle.queued("b", "t", clock.instant(), "/v1/jobs"), "alice", "k", "fp")).id())
        .isEqualTo("a");

    store.update("a", r -> r.withJob(JobLifecycle.start(r.job(), clock.instant())));
    store.update("a", r -> r.withJob(JobLifecycle.succeed(r.job(), clock.instant(), TTL)));
    clock.advance(TTL);
    assertThat(store.findByIdempotencyKey("alice", "k")).isEmpty();
  }

  @Test
  void concurrentInsertsWithTheSameKeyAgreeOnOneWinner() throws Exception {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(1000, clock);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> inserts = IntStream.range(0, 64)
          .mapToObj(i -> (Callable<String>) () -> store.insert(
              JobRecord.of(JobLifecycle.queued("job-" + i, "t", clock.instant(), "/v1/jobs"), "alice", "same", "fp")).id())
          .collect(Collectors.toList());
      List<String> winners = threads.invokeAll(inserts).stream().map(InMemoryJobStoreTest::get).distinct()
          .collect(Collectors.toList());

      assertThat(winners).hasSize(1);
      assertThat(store.size()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void failingChangeLeavesTheRecordUnchanged() {
    InMemoryJobStore store = InMemoryJobStore.withCapacity(10, clock);
    JobRecord record = finished(store, "a");

    assertThatThrownBy(() -> store.update("a", r -> r.withJob(JobLifecycle.start(r.job(), clock.instant()))))
        .isInstanceOf(IllegalJobTransitionException.class);
    assertThat(store.find("a")).contains(record);
  }

  private static String get(Future<String> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
