package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsTest.Echo;
import org.lfenergy.sogno.sdk.async.kafka.internal.Transitions;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * The fault claims of distributed mode that need a lease to run out, an owner, or a result too large
 * for Kafka. Leases are short here (lock 1 s, delivery limit 2: the broker's lower bounds) so the
 * sweeper's bounds pass in seconds.
 */
class DistributedJobsFaultsTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();
  private static final Duration LOCK = Duration.ofSeconds(1);

  private final Cluster cluster = new Cluster(kafka)
      .tune(config -> config.lockDuration(LOCK).heartbeatInterval(Duration.ofMillis(300)).deliveryLimit(2));

  @AfterEach
  void close() {
    cluster.close();
  }

  private static JobKinds hanging(CountDownLatch started) {
    return JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      started.countDown();
      new CountDownLatch(1).await(); // until the JVM ends: the replica running it "crashes" first
      return null;
    }).build();
  }

  private static JobKinds echo() {
    return JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> new Echo(request.text)).build();
  }

  private static Job submit(JobManager manager, JobKinds kinds, String owner) {
    return manager.submit(JobSubmission.builder("echo").owner(owner).build(), kinds.work("echo", new Echo("x")));
  }

  private static Job awaitTerminal(DistributedJobs replica, Job job) {
    await().atMost(Duration.ofSeconds(60)).until(() -> replica.jobManager().get(job.id(), null).isTerminal());
    return replica.jobManager().get(job.id(), null);
  }

  private static void awaitLease(DistributedJobs replica, Job job, String worker, int attempt) {
    await().atMost(Duration.ofSeconds(30)).until(() -> Transitions.lease(replica.jobManager().get(job.id(), null))
        .filter(lease -> worker.equals(lease.get("worker")) && Integer.valueOf(attempt).equals(lease.get("attempt")))
        .isPresent());
  }

  /** Starts replica {@code id}, waits until it runs {@code job} (delivery {@code attempt}), then crashes it. */
  private void runAndCrash(DistributedJobs accepting, Job job, String id, int attempt) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    DistributedJobs worker = cluster.replica(id, 1, hanging(started));
    assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
    awaitLease(accepting, job, id + "/worker-1", attempt);
    cluster.crash(worker); // no renewal, no acknowledgement, no close
  }

  @Test
  void aJobWhoseWorkerDiesAndIsNeverReplacedFailsWithJobWorkerLost() throws Exception {
    DistributedJobs a = cluster.replica("a", 0, echo());
    Job accepted = submit(a.jobManager(), echo(), null);

    runAndCrash(a, accepted, "b", 1); // and no other worker takes the request

    Job failed = awaitTerminal(a, accepted);
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.problem().orElseThrow().code()).isEqualTo("job-worker-lost");
    assertThat(Transitions.attempt(failed)).isEqualTo(1);
  }

  @Test
  void aJobWhoseWorkerDiesOnTheLastAllowedDeliveryFailsWithDeliveryLimitReached() throws Exception {
    DistributedJobs a = cluster.replica("a", 0, echo());
    Job accepted = submit(a.jobManager(), echo(), null);
    runAndCrash(a, accepted, "b", 1);

    runAndCrash(a, accepted, "c", 2); // the last delivery the share group allows: the broker archives it

    Job failed = awaitTerminal(a, accepted);
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.problem().orElseThrow().code()).isEqualTo("job-delivery-limit-reached");
    assertThat(Transitions.attempt(failed)).isEqualTo(2);
  }

  @Test
  void aShareGroupConfigTheBrokerRefusesFailsTheStartWithASognoException() {
    // The broker allows locks of at most group.share.max.record.lock.duration.ms (60 s by default).
    try (Cluster refused = new Cluster(kafka).tune(config -> config.lockDuration(Duration.ofMinutes(2)))) {
      assertThatThrownBy(() -> refused.replica("a", 0, echo()))
          .isInstanceOf(SognoException.class).hasMessageContaining("refused the configs");
    }
  }

  @Test
  void withOwnerScopingAnotherPrincipalsJobIsNotFoundOnEveryReplicaAndItsOwnerSeesIt() throws Exception {
    cluster.managerConfig(JobManagerConfig.builder().build()); // ownerScoped: the default
    DistributedJobs a = cluster.replica("a", 0, echo());
    DistributedJobs b = cluster.replica("b", 1, echo());
    Job accepted = submit(a.jobManager(), echo(), "alice");

    Job done = b.jobManager().awaitCompletion(accepted.id(), "alice", Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(new String(b.jobManager().result(accepted.id(), "alice").body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"x\"}");
    for (DistributedJobs replica : new DistributedJobs[] {a, b}) {
      for (String stranger : new String[] {"bob", null}) {
        JobManager jobs = replica.jobManager();
        assertNotFound(() -> jobs.get(accepted.id(), stranger));
        assertNotFound(() -> jobs.result(accepted.id(), stranger));
        assertNotFound(() -> jobs.cancel(accepted.id(), stranger));
        assertNotFound(() -> jobs.awaitCompletion(accepted.id(), stranger, Duration.ofSeconds(1)));
      }
    }
    assertThat(a.jobManager().get(accepted.id(), "alice").status()).as("bob's cancel changed nothing")
        .isEqualTo(JobStatus.SUCCEEDED);
  }

  private static void assertNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(JobManagerException.class, e -> {
      assertThat(e.code()).isEqualTo("job-not-found");
      assertThat(e.status()).isEqualTo(404);
    });
  }

  @Test
  void aResultOverTheRecordLimitFailsTheJobWithJobResultTooLargeAfterOneRun() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    JobKinds huge = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      runs.incrementAndGet();
      return new Echo("x".repeat(2 * 1024 * 1024)); // the producer's max.request.size is 1 MiB
    }).build();
    DistributedJobs a = cluster.replica("a", 1, huge);
    Job accepted = submit(a.jobManager(), huge, null);

    Job failed = a.jobManager().awaitCompletion(accepted.id(), null, Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.problem().orElseThrow().code()).isEqualTo("job-result-too-large");
    await().during(LOCK.multipliedBy(3)).atMost(LOCK.multipliedBy(6)).until(() -> runs.get() == 1); // not redelivered
    assertThatThrownBy(() -> a.jobManager().result(accepted.id(), null))
        .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-succeeded"));
  }
}
