package org.lfenergy.sogno.sdk.bench.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobs;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/**
 * P7: throughput of short jobs through {@link DistributedJobs} with 1, 2 and 4 worker replicas (one
 * worker slot each, plus an accepting replica without workers), side by side with the raw Kafka
 * baseline on the same broker: share consumers that only ACCEPT the same number of records (no job
 * state). Each round submits {@code jobs} jobs as fast as the accepting replica takes them and measures
 * until the workers have recorded the last one terminal (told by their listeners, so measuring costs no
 * reads); then every job is checked {@code succeeded} on the accepting replica.
 *
 * <p>Run: {@code mvn -pl bench -am package -DskipTests && java -cp "bench/target/classes:$(cat cp.txt)"
 * org.lfenergy.sogno.sdk.bench.distributed.DistributedJobsBench [jobs]} (see sdk-async-kafka's README).
 */
public final class DistributedJobsBench {
  private DistributedJobsBench() {}

  /** Request and result of the benchmark's short job. */
  public static final class Work {
    public int n;

    public Work() {}

    Work(int n) {
      this.n = n;
    }
  }

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder()
        .brokerProperty("group.share.min.record.lock.duration.ms", "1000")
        .start()) {
      KafkaConfig settings = KafkaConfig.of(kafka.bootstrapServers());
      System.out.printf("P7 distributed jobs, %d short jobs per round, %d cores%n", jobs,
          Runtime.getRuntime().availableProcessors());
      System.out.println("workers | raw share consumers (records/s) | DistributedJobs (jobs/s) | scaling vs 1 worker");
      double first = 0;
      for (int workers : new int[] {1, 2, 4}) {
        double raw = RawShareBaseline.run(settings, "raw" + workers, workers, jobs);
        double sdk = distributed(settings, "w" + workers, workers, jobs);
        first = first == 0 ? sdk : first;
        System.out.printf(Locale.ROOT, "%7d | %31.0f | %24.0f | %.2fx%n", workers, raw, sdk, sdk / first);
      }
    }
  }

  private static double distributed(KafkaConfig settings, String round, int workers, int jobs) throws Exception {
    JobKinds kinds = JobKinds.builder().kind("short", Work.class, (request, ctx) -> new Work(request.n + 1)).build();
    Set<String> finished = ConcurrentHashMap.newKeySet(); // told by the workers' listeners, so measuring costs no reads
    JobListener finishes = change -> {
      if (change.job().isTerminal()) {
        finished.add(change.job().id());
      }
    };
    List<DistributedJobs> replicas = new ArrayList<>();
    try {
      DistributedJobs accepting = replica(settings, round, "accept", 0, kinds, finishes);
      replicas.add(accepting);
      for (int i = 1; i <= workers; i++) {
        replicas.add(replica(settings, round, "worker" + i, 1, kinds, finishes));
      }
      JobManager manager = accepting.jobManager();
      warmUp(manager, kinds);
      Set<String> submitted = new HashSet<>();
      long start = System.nanoTime();
      for (int i = 0; i < jobs; i++) {
        submitted.add(manager.submit(JobSubmission.builder("short").build(), kinds.work("short", new Work(i))).id());
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!finished.containsAll(submitted) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
      long succeeded = submitted.stream().filter(id -> manager.get(id, null).status().equals(JobStatus.SUCCEEDED)).count();
      if (succeeded != jobs) {
        throw new IllegalStateException((jobs - succeeded) + " jobs not succeeded in round " + round);
      }
      return perSecond;
    } finally {
      replicas.forEach(DistributedJobs::close);
    }
  }

  private static void warmUp(JobManager manager, JobKinds kinds) throws Exception {
    String id = manager.submit(JobSubmission.builder("short").build(), kinds.work("short", new Work(0))).id();
    manager.awaitCompletion(id, null, Duration.ofSeconds(60)).get();
  }

  private static DistributedJobs replica(KafkaConfig settings, String round, String id, int workers, JobKinds kinds,
      JobListener listener) {
    return DistributedJobs.builder()
        .listener(listener)
        .kafka(settings)
        .kinds(kinds)
        .config(DistributedJobsConfig.builder()
            .requestTopic("sogno.bench-" + round + ".requested.v1")
            .stateTopic("sogno.bench-" + round + ".state.v1")
            .shareGroup("bench-" + round)
            .partitions(4)
            .replicationFactor(1)
            .workers(workers)
            .replicaId(round + "-" + id)
            .build())
        .managerConfig(JobManagerConfig.builder().ownerScoped(false).build())
        .start();
  }
}
