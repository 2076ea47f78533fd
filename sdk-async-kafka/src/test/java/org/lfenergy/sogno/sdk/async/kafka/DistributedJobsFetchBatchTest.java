package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsTest.Echo;
import org.lfenergy.sogno.sdk.async.kafka.internal.Transitions;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/** Slots sharing a share consumer ({@code fetchBatch}): one fetch for several jobs, locks kept alike. */
class DistributedJobsFetchBatchTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  private final Cluster cluster = new Cluster(kafka);

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void theSlotsOfABatchTakeTheirJobsInOneFetchOfOneConsumer() throws Exception {
    CountDownLatch together = new CountDownLatch(4);
    JobKinds meeting = JobKinds.builder().kind("meet", Echo.class, (request, ctx) -> {
      together.countDown(); // the jobs of one consumer's fetch run at once; a job alone never meets the others
      return new Echo(together.await(30, TimeUnit.SECONDS) ? "together" : "alone");
    }).build();
    cluster.tune(Cluster.batched(4));
    DistributedJobs accepting = cluster.replica("a", 0, meeting);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(submit(accepting.jobManager(), meeting, "meet", new Echo("n" + i)));
    }

    cluster.replica("b", 4, meeting); // one consumer of four slots, the four requests waiting for it

    awaitTerminal(accepting.jobManager(), ids);
    for (String id : ids) {
      assertThat(accepting.jobManager().get(id, null).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(result(accepting.jobManager(), id)).isEqualTo("{\"text\":\"together\"}");
    }
    try (Admin admin = Admin.create(new HashMap<String, Object>(cluster.settings().properties()))) {
      String group = "jobs-" + cluster.suffix();
      assertThat(admin.describeShareGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS)
          .members()).as("a single share consumer took all four").hasSize(1);
    }
  }

  @Test
  void aLongJobOfABatchKeepsItsLockWhileTheBatchsShortJobIsAcknowledged() {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    JobKinds kinds = JobKinds.builder().kind("sleep", Echo.class, (request, ctx) -> {
      runs.computeIfAbsent(request.text, k -> new AtomicInteger()).incrementAndGet();
      if (request.text.equals("long")) {
        Thread.sleep(Cluster.LOCK.multipliedBy(2).toMillis()); // its lock expires unless renewed
      }
      return new Echo(request.text);
    }).build();
    cluster.tune(Cluster.batched(2));
    DistributedJobs accepting = cluster.replica("a", 0, kinds);
    String longJob = submit(accepting.jobManager(), kinds, "sleep", new Echo("long"));
    String shortJob = submit(accepting.jobManager(), kinds, "sleep", new Echo("short"));
    cluster.replica("b", 2, kinds); // one consumer taking both
    cluster.replica("c", 1, kinds); // would take the long job again if its lock expired

    awaitTerminal(accepting.jobManager(), List.of(longJob, shortJob));

    assertThat(result(accepting.jobManager(), longJob)).isEqualTo("{\"text\":\"long\"}");
    assertThat(result(accepting.jobManager(), shortJob)).isEqualTo("{\"text\":\"short\"}");
    assertThat(runs.get("long")).as("the long job ran once: its lock was renewed").hasValue(1);
    assertThat(runs.get("short")).hasValue(1);
  }

  @Test
  void aBatchsWorkerProcessKilledLosesNoJobAndRunsNoFinishedJobAgain() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    JobKinds kinds = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      runs.computeIfAbsent(request.text, k -> new AtomicInteger()).incrementAndGet();
      return new Echo(request.text + " by c");
    }).build();
    cluster.tune(Cluster.batched(2));
    DistributedJobs accepting = cluster.replica("a", 0, kinds);
    JobManager jobs = accepting.jobManager();
    String quick = submit(jobs, kinds, "echo", new Echo("quick"));
    String hanging = submit(jobs, kinds, "echo", new Echo("hang"));
    try (ChildJvm worker = ChildJvm.builder(WorkerProcess.class).maxHeapMegabytes(256)
        .args(kafka.bootstrapServers(), cluster.suffix(), "b", "2").start()) { // one consumer taking both
      worker.awaitLine("DONE " + quick).awaitLine("RUNNING " + hanging);
      await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(quick, null).isTerminal()); // its outcome written
      Instant claimed = await().atMost(Duration.ofSeconds(30)).until(() -> renewedAt(jobs, hanging), Objects::nonNull);
      await().atMost(Duration.ofSeconds(30)) // held longer than a lock lasts: the batch renewed it
          .until(() -> renewedAt(jobs, hanging).isAfter(claimed.plus(Cluster.LOCK)));

      worker.kill(); // SIGKILL: whatever the batch had not acknowledged yet stays unacknowledged
      cluster.replica("c", 2, kinds);

      awaitTerminal(jobs, List.of(hanging));
    }
    assertThat(jobs.get(hanging, null).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(Transitions.lease(jobs.get(hanging, null)).orElseThrow())
        .containsEntry("attempt", 2).extractingByKey("worker").asString().startsWith("c/");
    assertThat(result(jobs, hanging)).isEqualTo("{\"text\":\"hang by c\"}");
    assertThat(jobs.get(quick, null).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(result(jobs, quick)).as("the finished job keeps its one result").isEqualTo("{\"text\":\"quick by b\"}");
    assertThat(runs).as("only the unfinished job ran again").containsOnlyKeys("hang");
  }

  private static String submit(JobManager manager, JobKinds kinds, String kind, Object request) {
    return manager.submit(JobSubmission.builder(kind).build(), kinds.work(kind, request)).id();
  }

  /** When the job's lease was last renewed; null before a worker took it. */
  private static Instant renewedAt(JobManager manager, String id) {
    return Transitions.lease(manager.get(id, null)).map(lease -> Instant.parse((String) lease.get("renewedAt"))).orElse(null);
  }

  private static void awaitTerminal(JobManager manager, List<String> ids) {
    await().atMost(Duration.ofMinutes(1)).until(() -> ids.stream().allMatch(id -> manager.get(id, null).isTerminal()));
  }

  private static String result(JobManager manager, String id) {
    return new String(manager.result(id, null).body(), StandardCharsets.UTF_8);
  }
}
