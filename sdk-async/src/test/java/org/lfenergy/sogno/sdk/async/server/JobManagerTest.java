package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.testing.MutableClock;

class JobManagerTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T21:00:00Z"));
  private JobManager manager;

  @AfterEach
  void stop() {
    release.countDown();
    if (manager != null) {
      manager.close();
    }
  }

  private JobManager start(JobManagerConfig config, JobListener... listeners) {
    JobManager.Builder builder = JobManager.builder().config(config).clock(clock);
    for (JobListener listener : listeners) {
      builder.listener(listener);
    }
    manager = builder.build();
    return manager;
  }

  private static JobSubmission by(String owner) {
    return JobSubmission.builder("test").owner(owner).build();
  }

  private JobWork untilReleased() {
    return ctx -> {
      release.await();
      return null;
    };
  }

  private void awaitStatus(String id, JobStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> manager.get(id, "alice").status().equals(status));
  }

  @Test
  void jobIdsAreRandomVersion4Uuids() {
    start(JobManagerConfig.defaults());

    Job first = manager.submit(by("alice"), ctx -> null);
    Job second = manager.submit(by("alice"), ctx -> null);

    assertThat(first.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(UUID.fromString(first.id()).version()).isEqualTo(4);
    assertThat(UUID.fromString(first.id()).variant()).isEqualTo(2);
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(first.link(Job.SELF).orElseThrow().href()).isEqualTo("/v1/jobs/" + first.id());
  }

  @Test
  void jobIdsAreDrawnFromTheSecureRandomTheManagerHolds() {
    // Every byte 0xAB: the id is those bytes with the version (4) and variant (10) bits set, so no
    // other generator can be in play; the builder takes only a SecureRandom, a CSPRNG by type.
    SecureRandom constant = new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0xAB);
      }
    };
    manager = JobManager.builder().clock(clock).idRandom(constant).build();

    Job job = manager.submit(by("alice"), ctx -> null);

    assertThat(job.id()).isEqualTo("abababab-abab-4bab-abab-abababababab");
    assertThatThrownBy(() -> JobManager.builder().idRandom(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void reusingAnIdempotencyKeyWithAnotherRequestIsRefusedWithIdempotencyKeyReused() {
    start(JobManagerConfig.defaults());
    Job first = manager.submit(JobSubmission.builder("test").owner("alice").idempotencyKey("k", "fp-1").build(), ctx -> null);

    assertThatThrownBy(() -> manager.submit(
            JobSubmission.builder("test").owner("alice").idempotencyKey("k", "fp-2").build(), ctx -> null))
        .isInstanceOfSatisfying(JobManagerException.class, e -> {
          assertThat(e.code()).isEqualTo("idempotency-key-reused");
          assertThat(e.status()).isEqualTo(422);
        });
    assertThat(manager.submit(JobSubmission.builder("test").owner("bob").idempotencyKey("k", "fp-2").build(), ctx -> null).id())
        .as("keys are scoped per owner").isNotEqualTo(first.id());
  }

  @Test
  void resultOfAnUnfinishedOrFailedJobIsRefusedWithItsCode() {
    start(JobManagerConfig.defaults());
    Job running = manager.submit(by("alice"), untilReleased());
    Job failed = manager.submit(by("alice"), ctx -> {
      throw new IllegalStateException("bug");
    });
    awaitStatus(running.id(), JobStatus.RUNNING);
    awaitStatus(failed.id(), JobStatus.FAILED);

    assertThatThrownBy(() -> manager.result(running.id(), "alice"))
        .isInstanceOfSatisfying(JobManagerException.class, e -> {
          assertThat(e.code()).isEqualTo("job-not-finished");
          assertThat(e.status()).isEqualTo(409);
        });
    assertThatThrownBy(() -> manager.result(failed.id(), "alice"))
        .isInstanceOfSatisfying(JobManagerException.class, e -> {
          assertThat(e.code()).isEqualTo("job-not-succeeded");
          assertThat(e.status()).isEqualTo(409);
        });
  }

  @Test
  void anotherPrincipalsJobIsNotFoundLikeAnUnknownOne() {
    start(JobManagerConfig.defaults());
    Job job = manager.submit(by("alice"), ctx -> "x");
    awaitStatus(job.id(), JobStatus.SUCCEEDED);

    for (String id : List.of(job.id(), "no-such-job")) {
      assertThatThrownBy(() -> manager.get(id, "bob"))
          .isInstanceOfSatisfying(JobManagerException.class, e -> {
            assertThat(e.code()).isEqualTo("job-not-found");
            assertThat(e.status()).isEqualTo(404);
          });
      assertThatThrownBy(() -> manager.cancel(id, "bob"))
          .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-found"));
      assertThatThrownBy(() -> manager.result(id, "bob"))
          .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-found"));
    }
  }

  @Test
  void aStoreThatCannotReachItsStorageMakesSubmitAndCancelFailWith503JobStateUnavailable() {
    InMemoryJobStore memory = InMemoryJobStore.withCapacity(100, clock);
    AtomicBoolean down = new AtomicBoolean();
    JobStore flaky = new JobStore() {
      @Override
      public JobRecord insert(JobRecord record) {
        return reachable().insert(record);
      }

      @Override
      public Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
        return memory.findByIdempotencyKey(owner, idempotencyKey);
      }

      @Override
      public Optional<JobRecord> find(String jobId) {
        return memory.find(jobId);
      }

      @Override
      public Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change) {
        return reachable().update(jobId, change);
      }

      private JobStore reachable() {
        if (down.get()) {
          throw new JobStoreUnavailableException("storage unreachable", null);
        }
        return memory;
      }
    };
    manager = JobManager.builder().config(JobManagerConfig.builder().workers(2).queueCapacity(0).build())
        .clock(clock).store(flaky).build();
    Job running = manager.submit(by("alice"), untilReleased());
    awaitStatus(running.id(), JobStatus.RUNNING);

    down.set(true);

    for (ThrowingCallable call : List.<ThrowingCallable>of(
        () -> manager.submit(by("alice"), ctx -> null), () -> manager.cancel(running.id(), "alice"))) {
      assertThatThrownBy(call).isInstanceOfSatisfying(JobManagerException.class, e -> {
        assertThat(e.code()).isEqualTo("job-state-unavailable");
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryAfter()).contains(JobManagerConfig.defaults().queueFullRetryAfter());
        assertThat(e.getCause()).isInstanceOf(JobStoreUnavailableException.class);
      });
    }
    down.set(false);
    assertThat(manager.submit(by("alice"), ctx -> null).status())
        .as("the refused submission gave its slot back: the second of two is free").isEqualTo(JobStatus.QUEUED);
    assertThat(manager.get(running.id(), "alice").status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void cancellingAQueuedJobEndsItAtOnceAndItsWorkNeverRuns() {
    start(JobManagerConfig.builder().workers(1).queueCapacity(5).build());
    AtomicInteger secondRuns = new AtomicInteger();
    Job blocker = manager.submit(by("alice"), ctx -> release.await(30, TimeUnit.SECONDS));
    Job queued = manager.submit(by("alice"), ctx -> secondRuns.incrementAndGet());
    awaitStatus(blocker.id(), JobStatus.RUNNING);

    Job cancelled = manager.cancel(queued.id(), "alice");
    release.countDown();
    awaitStatus(blocker.id(), JobStatus.SUCCEEDED);

    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(manager.get(queued.id(), "alice").status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(secondRuns).hasValue(0);
    assertThat(manager.cancel(queued.id(), "alice").status()).as("cancel is idempotent").isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void cancellingASucceededJobIsRefusedWithJobAlreadyFinished() {
    start(JobManagerConfig.defaults());
    Job job = manager.submit(by("alice"), ctx -> "x");
    awaitStatus(job.id(), JobStatus.SUCCEEDED);

    assertThatThrownBy(() -> manager.cancel(job.id(), "alice"))
        .isInstanceOfSatisfying(JobManagerException.class, e -> {
          assertThat(e.code()).isEqualTo("job-already-finished");
          assertThat(e.status()).isEqualTo(409);
        });
  }

  @Test
  void listenersSeeEveryStatusChangeOfAJobInOrderAndItsProgress() {
    List<String> events = new CopyOnWriteArrayList<>();
    JobListener recorder = new JobListener() {
      @Override
      public void onStateChanged(JobStateChange change) {
        events.add(change.previous().map(JobStatus::value).orElse("new") + "->" + change.job().status()
            + " owner=" + change.owner().orElse("-"));
      }

      @Override
      public void onProgress(Job job) {
        events.add("progress " + job.progress().orElseThrow().percent().orElseThrow());
      }
    };
    JobListener broken = change -> {
      throw new IllegalStateException("listener bug");
    };
    start(JobManagerConfig.defaults(), broken, recorder);

    Job job = manager.submit(by("alice"), ctx -> {
      ctx.progress(30, "a third");
      return null;
    });
    awaitStatus(job.id(), JobStatus.SUCCEEDED);

    assertThat(events).containsExactly(
        "new->queued owner=alice", "queued->running owner=alice", "progress 30", "running->succeeded owner=alice");
  }

  @Test
  void resultIsStoredAsJsonUnlessTheWorkReturnsItsOwnJobResult() {
    start(JobManagerConfig.defaults());
    Job json = manager.submit(by("alice"), ctx -> List.of(1, 2));
    Job csv = manager.submit(by("alice"), ctx -> JobResult.of("a,b\n".getBytes(StandardCharsets.UTF_8), "text/csv"));
    Job nothing = manager.submit(by("alice"), ctx -> null);
    awaitStatus(json.id(), JobStatus.SUCCEEDED);
    awaitStatus(csv.id(), JobStatus.SUCCEEDED);
    awaitStatus(nothing.id(), JobStatus.SUCCEEDED);

    assertThat(new String(manager.result(json.id(), "alice").body(), StandardCharsets.UTF_8)).isEqualTo("[1,2]");
    assertThat(manager.result(csv.id(), "alice").mediaType()).isEqualTo("text/csv");
    assertThat(manager.result(nothing.id(), "alice").isEmpty()).isTrue();
  }

  @Test
  void progressOutsideZeroToHundredFailsTheJob() {
    start(JobManagerConfig.defaults());

    Job job = manager.submit(by("alice"), ctx -> {
      ctx.progress(150, "too much");
      return null;
    });

    awaitStatus(job.id(), JobStatus.FAILED);
    assertThat(manager.get(job.id(), "alice").problem().orElseThrow().code()).isEqualTo("job-failed");
  }

  @Test
  void finishedJobAndItsResultExpireAfterTheTtl() {
    start(JobManagerConfig.builder().ttl(Duration.ofMinutes(5)).build());
    Job job = manager.submit(by("alice"), ctx -> "r");
    awaitStatus(job.id(), JobStatus.SUCCEEDED);
    assertThat(manager.get(job.id(), "alice").expiresAt()).contains(clock.instant().plus(Duration.ofMinutes(5)));

    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> manager.result(job.id(), "alice"))
        .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-found"));
  }

  @Test
  void awaitCompletionAnswersWithTheFinishedJobOrWithTheCurrentOneAfterTheWait() throws Exception {
    start(JobManagerConfig.defaults());
    Job job = manager.submit(by("alice"), untilReleased());
    awaitStatus(job.id(), JobStatus.RUNNING);

    assertThat(manager.awaitCompletion(job.id(), "alice", Duration.ofMillis(50)).get(30, TimeUnit.SECONDS).status())
        .isEqualTo(JobStatus.RUNNING);
    CompletableFuture<Job> waiting = manager.awaitCompletion(job.id(), "alice", Duration.ofSeconds(30));
    release.countDown();
    assertThat(waiting.get(30, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThatThrownBy(() -> manager.awaitCompletion(job.id(), "bob", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-found"));
  }

  @Test
  void closeWithoutGraceCancelsQueuedJobsInterruptsRunningOnesAndRefusesNewOnes() {
    start(JobManagerConfig.builder().workers(1).drainGrace(Duration.ZERO).build());
    Job running = manager.submit(by("alice"), untilReleased());
    Job queued = manager.submit(by("alice"), ctx -> null);
    awaitStatus(running.id(), JobStatus.RUNNING);

    manager.close();

    assertThat(manager.get(running.id(), "alice").status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(manager.get(queued.id(), "alice").status()).isEqualTo(JobStatus.CANCELLED);
    assertThatThrownBy(() -> manager.submit(by("alice"), ctx -> null))
        .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("queue-full"));
  }

  @Test
  void idempotentSubmissionDoesNotNeedQueueCapacity() {
    start(JobManagerConfig.builder().workers(1).queueCapacity(0).build());
    JobSubmission keyed = JobSubmission.builder("test").owner("alice").idempotencyKey("k", "fp").build();
    Job first = manager.submit(keyed, untilReleased());

    assertThat(manager.submit(keyed, ctx -> null).id()).isEqualTo(first.id());
    assertThatThrownBy(() -> manager.submit(by("alice"), ctx -> null))
        .isInstanceOfSatisfying(JobManagerException.class, e -> {
          assertThat(e.code()).isEqualTo("queue-full");
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.retryAfter()).contains(JobManagerConfig.defaults().queueFullRetryAfter());
        });
  }

  @Test
  void configRejectsNonsense() {
    assertThatThrownBy(() -> JobManagerConfig.builder().workers(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobManagerConfig.builder().queueCapacity(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobManagerConfig.builder().ttl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobManagerConfig.builder().jobsPath("v1/jobs/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobSubmission.builder(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(JobManagerConfig.builder().workers(3).build().toBuilder().build().workers()).isEqualTo(3);
  }
}
