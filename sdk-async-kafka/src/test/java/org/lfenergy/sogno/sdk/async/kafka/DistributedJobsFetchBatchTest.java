package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
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
    cluster.tune(config -> config.fetchBatch(4).partitions(1));
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
    cluster.tune(config -> config.fetchBatch(2).partitions(1));
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

  private static String submit(JobManager manager, JobKinds kinds, String kind, Object request) {
    return manager.submit(JobSubmission.builder(kind).build(), kinds.work(kind, request)).id();
  }

  private static void awaitTerminal(JobManager manager, List<String> ids) {
    await().atMost(Duration.ofMinutes(1)).until(() -> ids.stream().allMatch(id -> manager.get(id, null).isTerminal()));
  }

  private static String result(JobManager manager, String id) {
    return new String(manager.result(id, null).body(), StandardCharsets.UTF_8);
  }
}
