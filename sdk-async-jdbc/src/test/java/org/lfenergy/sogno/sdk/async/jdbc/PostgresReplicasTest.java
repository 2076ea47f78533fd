package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.jdbc.testing.DurableServiceProcess;
import org.lfenergy.sogno.sdk.async.jdbc.testing.PostgresServer;
import org.lfenergy.sogno.sdk.async.jdbc.testing.ServiceProcess;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** Several replicas on one PostgreSQL: each job runs on one replica at a time and is recorded once. */
class PostgresReplicasTest {
  private static final JobManagerConfig SHARED = JobManagerConfig.builder().ownerScoped(false).build();

  @TempDir Path control;
  private final String url = PostgresServer.newDatabase();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void twoReplicasRecordEachOfAThousandResultsExactlyOnce() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
    JobListener recorder = new JobListener() {
      @Override
      public void onStateChanged(JobStateChange change) {
        if (change.job().status().equals(JobStatus.SUCCEEDED)) {
          succeeded.computeIfAbsent(change.job().id(), id -> new AtomicInteger()).incrementAndGet();
        }
      }
    };
    JobManager a = replica("a", Duration.ofSeconds(30), squares(runs, "a"), recorder).jobManager();
    JobManager b = replica("b", Duration.ofSeconds(30), squares(runs, "b"), recorder).jobManager();

    int count = 1_000;
    List<Job> jobs = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Job>> submitted = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JobManager via = i % 2 == 0 ? a : b;
        int n = i;
        submitted.add(clients.submit(() -> via.submit(JobSubmission.builder("square").build(),
            squares(runs, "?").work("square", n))));
      }
      for (Future<Job> job : submitted) {
        jobs.add(job.get());
      }
    } finally {
      clients.shutdownNow();
    }

    await().atMost(Duration.ofMinutes(4)).until(() -> jobs.stream().allMatch(job -> a.get(job.id(), null).isTerminal()));
    Map<String, Integer> byReplica = new ConcurrentHashMap<>();
    for (int i = 0; i < count; i++) {
      String id = jobs.get(i).id();
      assertThat(b.get(id, null).status()).as("job %s seen from replica b", id).isEqualTo(JobStatus.SUCCEEDED);
      String result = new String(a.result(id, null).body(), StandardCharsets.UTF_8);
      assertThat(result).endsWith(":" + (long) i * i + "\"");
      byReplica.merge(result.substring(1, 2), 1, Integer::sum);
      assertThat(runs.get(id)).as("runs of job %s", id).hasValue(1);
      assertThat(succeeded.get(id)).as("results recorded for job %s", id).hasValue(1);
    }
    assertThat(byReplica.keySet()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aJobOfAReplicaKilledMidJobCompletesOnTheOtherAfterTheLease() throws Exception {
    JobKinds greetings = DurableServiceProcess.greetingKinds(control, "survivor");
    Job job;
    try (ServiceProcess doomed = ServiceProcess.start(url, 0, control, "doomed", 2)) {
      SognoClient client = SognoClient.builder().baseUrl(doomed.baseUrl()).build();
      job = client.execute(ApiRequest.builder("POST", "/v1/greetings").jsonBody(Map.of("name", "grid")).build(),
          ResponseReader.json(Job.class)).body();
      Path started = control.resolve("started-" + job.id());
      await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(started));
      replica("survivor", Duration.ofSeconds(2), greetings);
      doomed.kill();
    }
    Files.createFile(control.resolve("release"));

    JobManager survivor = ((DurableJobs) opened.get(opened.size() - 1)).jobManager();
    await().atMost(Duration.ofMinutes(1)).until(() -> survivor.get(job.id(), null).isTerminal());
    assertThat(survivor.get(job.id(), null).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(new String(survivor.result(job.id(), null).body(), StandardCharsets.UTF_8))
        .contains("\"replica\":\"survivor\"");
    assertThat(Files.readAllLines(control.resolve("started-" + job.id()))).hasSize(2);
  }

  private DurableJobs replica(String id, Duration lease, JobKinds kinds, JobListener... listeners) {
    JdbcJobStore store = JdbcJobStores.open(url, "postgres", "");
    opened.add(store);
    DurableJobs.Builder builder = DurableJobs.builder(store, kinds).managerConfig(SHARED)
        .config(DurableJobsConfig.builder().replicaId(id).workers(4).leaseDuration(lease)
            .pollInterval(Duration.ofMillis(50)).build());
    for (JobListener listener : listeners) {
      builder.listener(listener);
    }
    DurableJobs jobs = builder.start();
    opened.add(jobs);
    return jobs;
  }

  private static JobKinds squares(Map<String, AtomicInteger> runs, String replica) {
    return JobKinds.builder().kind("square", Integer.class, (n, ctx) -> {
      runs.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger()).incrementAndGet();
      return replica + ":" + (long) n * n;
    }).build();
  }
}
