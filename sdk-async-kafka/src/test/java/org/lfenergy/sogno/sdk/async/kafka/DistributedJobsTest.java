package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.internal.Transitions;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

class DistributedJobsTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  private final Cluster cluster = new Cluster(kafka);

  /** Echo request and result. */
  public static final class Echo {
    public String text;

    public Echo() {}

    Echo(String text) {
      this.text = text;
    }
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private static JobKinds echo(String replica) {
    return JobKinds.builder()
        .kind("echo", Echo.class, (request, ctx) -> new Echo(request.text + " by " + replica))
        .build();
  }

  private static Job submit(JobManager manager, JobKinds kinds, String kind, Object request) {
    return manager.submit(JobSubmission.builder(kind).build(), kinds.work(kind, request));
  }

  @Test
  void jobSubmittedOnOneReplicaIsVisibleAndCompletesThroughTheOthers() throws Exception {
    Queue<String> changes = new ConcurrentLinkedQueue<>();
    JobListener recorder = change -> changes.add(change.previous().map(JobStatus::value).orElse("new")
        + "->" + change.job().status().value());
    DistributedJobs a = cluster.replica("a", 0, echo("a"), recorder);
    DistributedJobs b = cluster.replica("b", 1, echo("b"), recorder);
    DistributedJobs c = cluster.replica("c", 1, echo("c"), recorder);

    Job accepted = submit(a.jobManager(), echo("a"), "echo", new Echo("hello"));

    assertThat(a.jobManager().get(accepted.id(), null).id()).isEqualTo(accepted.id()); // read-your-writes
    assertThat(b.jobManager().get(accepted.id(), null).kind()).contains("echo"); // bounded wait elsewhere
    Job done = c.jobManager().awaitCompletion(accepted.id(), null, Duration.ofSeconds(30)).get();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.link(Job.RESULT)).isPresent(); // the guidelines' result link, as in local mode
    String result = new String(a.jobManager().result(accepted.id(), null).body(), StandardCharsets.UTF_8);
    assertThat(result).matches("\\{\"text\":\"hello by [bc]\"}");
    assertThat(Transitions.lease(done).orElseThrow().get("worker").toString()).matches("[bc]/worker-1");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> // one listener call each, on the replica that made it
        assertThat(changes).containsExactly("new->queued", "queued->running", "running->succeeded"));
  }

  @Test
  void workerThatStopsDeadMidJobLetsTheJobCompleteOnAnotherReplica() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    JobKinds hanging = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      started.countDown();
      new CountDownLatch(1).await(); // until the crashed replica's thread dies with the JVM
      return null;
    }).build();
    DistributedJobs a = cluster.replica("a", 0, echo("a"));
    DistributedJobs b = cluster.replica("b", 1, hanging);
    Job accepted = submit(a.jobManager(), echo("a"), "echo", new Echo("survive"));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    awaitLeaseOf(a, accepted, "b/worker-1");

    cluster.crash(b);
    DistributedJobs c = cluster.replica("c", 1, echo("c"));

    assertCompletedOnSecondAttempt(a, c, accepted);
  }

  @Test
  void workerProcessKilledMidJobLetsTheJobCompleteOnAnotherReplica() throws Exception {
    DistributedJobs a = cluster.replica("a", 0, echo("a"));
    try (ChildJvm worker = ChildJvm.builder(WorkerProcess.class).maxHeapMegabytes(256)
        .args(kafka.bootstrapServers(), cluster.suffix(), "b").start()) {
      worker.awaitLine("READY");
      Job accepted = submit(a.jobManager(), echo("a"), "echo", new Echo("survive"));
      worker.awaitLine("RUNNING " + accepted.id());
      awaitLeaseOf(a, accepted, "b/worker-1");

      worker.kill(); // SIGKILL: no acknowledgement, no close, no leave
      DistributedJobs c = cluster.replica("c", 1, echo("c"));

      assertCompletedOnSecondAttempt(a, c, accepted);
    }
  }

  private static void awaitLeaseOf(DistributedJobs replica, Job job, String worker) {
    await().atMost(Duration.ofSeconds(10)).until(() ->
        Transitions.lease(replica.jobManager().get(job.id(), null)).map(l -> l.get("worker")).orElse("").equals(worker));
  }

  /** The job succeeded on {@code c}, its second delivery, and every replica says so. */
  private static void assertCompletedOnSecondAttempt(DistributedJobs a, DistributedJobs c, Job accepted) {
    await().atMost(Duration.ofSeconds(90)).until(() -> a.jobManager().get(accepted.id(), null).isTerminal());
    Job finished = a.jobManager().get(accepted.id(), null);
    assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(Transitions.lease(finished).orElseThrow()).containsEntry("worker", "c/worker-1").containsEntry("attempt", 2);
    assertThat(new String(c.jobManager().result(accepted.id(), null).body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"text\":\"survive by c\"}");
  }

  @Test
  void cancellationReachesTheWorkerRunningTheJobOnAnotherReplica() {
    CountDownLatch started = new CountDownLatch(1);
    JobKinds cancellable = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      started.countDown();
      while (true) {
        ctx.throwIfCancellationRequested();
        Thread.sleep(50);
      }
    }).build();
    DistributedJobs a = cluster.replica("a", 0, echo("a"));
    cluster.replica("b", 1, cancellable);
    Job accepted = submit(a.jobManager(), echo("a"), "echo", new Echo("stop me"));
    await().atMost(Duration.ofSeconds(30)).until(() -> started.getCount() == 0);

    a.jobManager().cancel(accepted.id(), null);

    await().atMost(Duration.ofSeconds(30)).until(() -> a.jobManager().get(accepted.id(), null).isTerminal());
    assertThat(a.jobManager().get(accepted.id(), null).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void retryableFailureIsDeliveredAgainAndSucceeds() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    JobKinds flaky = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      if (attempts.incrementAndGet() == 1) {
        throw new RetryableJobException("dependency down");
      }
      return new Echo("second time");
    }).build();
    DistributedJobs a = cluster.replica("a", 1, flaky);

    Job accepted = submit(a.jobManager(), flaky, "echo", new Echo("x"));

    Job done = a.jobManager().awaitCompletion(accepted.id(), null, Duration.ofSeconds(30)).get();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(attempts).hasValue(2);
    assertThat(Transitions.attempt(done)).isEqualTo(2);
  }

  @Test
  void retryableFailureOnEveryDeliveryFailsTheJobAtTheDeliveryLimit() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    JobKinds broken = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      attempts.incrementAndGet();
      throw new RetryableJobException("still down");
    }).build();
    DistributedJobs a = cluster.replica("a", 1, broken);

    Job accepted = submit(a.jobManager(), broken, "echo", new Echo("x"));

    Job done = a.jobManager().awaitCompletion(accepted.id(), null, Duration.ofSeconds(30)).get();
    assertThat(done.status()).isEqualTo(JobStatus.FAILED);
    assertThat(done.problem().orElseThrow().code()).isEqualTo("job-delivery-limit-reached");
    assertThat(attempts).hasValue(Cluster.DELIVERY_LIMIT);
  }

  @Test
  void permanentFailureIsRejectedAndNeverDeliveredAgain() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    JobKinds invalid = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      attempts.incrementAndGet();
      throw new JobFailureException(Problem.builder().code("grid-invalid").status(422).title("Grid invalid").build());
    }).build();
    DistributedJobs a = cluster.replica("a", 1, invalid);

    Job accepted = submit(a.jobManager(), invalid, "echo", new Echo("x"));

    Job done = a.jobManager().awaitCompletion(accepted.id(), null, Duration.ofSeconds(30)).get();
    assertThat(done.status()).isEqualTo(JobStatus.FAILED);
    assertThat(done.problem().orElseThrow().code()).isEqualTo("grid-invalid");
    await().during(Cluster.LOCK.multipliedBy(2)).atMost(Cluster.LOCK.multipliedBy(4)) // no redelivery
        .until(() -> attempts.get() == 1);
    assertThatThrownBy(() -> a.jobManager().get(UUID.randomUUID().toString(), null))
        .isInstanceOfSatisfying(JobManagerException.class, e -> assertThat(e.code()).isEqualTo("job-not-found"));
  }

  @Test
  void workNotAddressedByAKindIsRefusedAndTheJobFails() {
    DistributedJobs a = cluster.replica("a", 0, echo("a"));

    assertThatThrownBy(() -> a.jobManager().submit(JobSubmission.builder("echo").build(), ctx -> "lambda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JobKinds.work");
    assertThatThrownBy(() -> echo("a").work("unknown", new Echo("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not registered");
    assertThatThrownBy(() -> echo("a").work("echo", "not an echo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes a");
  }

  @Test
  void thousandJobsCompleteEachWithExactlyOneRecordedResult() {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    JobKinds counting = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      runs.computeIfAbsent(request.text, k -> new AtomicInteger()).incrementAndGet();
      return new Echo(request.text);
    }).build();
    DistributedJobs a = cluster.replica("a", 0, counting);
    cluster.replica("b", 4, counting);
    cluster.replica("c", 4, counting);
    Map<String, String> jobs = new ConcurrentHashMap<>();
    for (int i = 0; i < 1000; i++) {
      jobs.put(submit(a.jobManager(), counting, "echo", new Echo("n" + i)).id(), "n" + i);
    }

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
        jobs.keySet().stream().allMatch(id -> a.jobManager().get(id, null).isTerminal()));

    jobs.forEach((id, text) -> {
      assertThat(a.jobManager().get(id, null).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(new String(a.jobManager().result(id, null).body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"text\":\"" + text + "\"}");
    });
    assertThat(runs).hasSize(1000); // none lost; a run may repeat (at least once), its result is recorded once
  }
}
