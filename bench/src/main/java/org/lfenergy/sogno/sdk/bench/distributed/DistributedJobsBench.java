package org.lfenergy.sogno.sdk.bench.distributed;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * P7: throughput of no-op jobs through {@link DistributedJobs}, end to end — submitted over the job
 * manager's API on a replica without workers by {@code -submitters} threads at once (as an HTTP
 * service's request threads would), run by 1 or 2 worker replicas of {@code -slots} slots each,
 * measured until the workers have recorded the last one terminal on the state topic (told by their
 * listeners, so measuring costs no reads); then every job is checked {@code succeeded} with its result
 * on every replica. Side by side, in the same run, the fair raw baseline ({@link RawShareBaseline}) with
 * one share consumer per worker replica submitting asynchronously in one batch; the same submitting as
 * the SDK's API promises (as many threads, each awaiting a job's state and request writes before its
 * next job); and that with as many share consumers per replica as the SDK has slots, each taking one
 * record per fetch as the SDK's slots do — so the gap to the fair baseline is split into what the API's
 * promise, what one record per fetch and what the SDK's own work cost. Also the CPU this JVM (broker included) used per wall
 * second during each round, and the latency from {@code submit} to the handler's start on an idle
 * worker (p50 / p99 over {@code -latency} jobs submitted one at a time), and the broker's requests per
 * job by API for both sides (set-up, warm-up and the final checks included).
 *
 * <p>Arguments: {@code -jobs N} (per round, default 5,000), {@code -workers 1,2}, {@code -slots S}
 * (default 4), {@code -submitters T} (default 8), {@code -latency L} (default 200),
 * {@code -write-linger-ms}, {@code -state-fetch-wait-ms} and {@code -fetch-batch} (default: the config's), {@code -warmup-rounds W}
 * (default 1: rounds run and printed but not counted, so the JIT has compiled the broker's and the
 * clients' paths before measuring), {@code -rounds R} (default 3; the median is reported), {@code -smoke}.
 */
public final class DistributedJobsBench {
  private static final int WARM_UP = 20;

  private DistributedJobsBench() {}

  /** Request and result of the benchmark's no-op job. */
  public static final class Work {
    public int n;

    public Work() {}

    Work(int n) {
      this.n = n;
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    boolean smoke = arguments.contains("-smoke");
    int jobs = intArgument(arguments, "-jobs", smoke ? 50 : 5_000);
    int slots = intArgument(arguments, "-slots", 4);
    int submitters = intArgument(arguments, "-submitters", 8);
    int latencyJobs = intArgument(arguments, "-latency", smoke ? 5 : 200);
    int warmUpRounds = intArgument(arguments, "-warmup-rounds", smoke ? 0 : 1);
    int rounds = intArgument(arguments, "-rounds", smoke ? 1 : 3);
    DistributedJobsConfig.Builder tuned = DistributedJobsConfig.builder()
        .writeLinger(Duration.ofMillis(intArgument(arguments, "-write-linger-ms",
            (int) DistributedJobsConfig.defaults().writeLinger().toMillis())))
        .stateFetchWait(Duration.ofMillis(intArgument(arguments, "-state-fetch-wait-ms",
            (int) DistributedJobsConfig.defaults().stateFetchWait().toMillis())));
    if (arguments.contains("-fetch-batch")) { // set only when asked, so the harness runs on jars before it too
      tuned.fetchBatch(intArgument(arguments, "-fetch-batch", 1));
    }
    DistributedJobsConfig tuning = tuned
        .build(); // every replica's config starts from it
    int workersIndex = arguments.indexOf("-workers");
    int[] workerCounts = workersIndex >= 0
        ? Arrays.stream(arguments.get(workersIndex + 1).split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 2};
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder()
        .brokerProperty("group.share.min.record.lock.duration.ms", "1000")
        .start()) {
      KafkaConfig settings = KafkaConfig.of(kafka.bootstrapServers());
      System.out.printf("P7 distributed jobs: %d no-op jobs per round, %d slots per worker replica, %d submitting"
          + " threads, writeLinger %d ms, stateFetchWait %d ms, fetchBatch %s, %d cores%n", jobs, slots, submitters,
          tuning.writeLinger().toMillis(), tuning.stateFetchWait().toMillis(),
          arguments.contains("-fetch-batch") ? arguments.get(arguments.indexOf("-fetch-batch") + 1) : "default",
          Runtime.getRuntime().availableProcessors());
      System.out.println("Per round, jobs/s (cores busy): fair raw | raw, submits awaited | raw, submits awaited and"
          + " one record per share fetch per slot | DistributedJobs; then SDK ÷ each raw");
      double first = 0;
      for (int workers : workerCounts) {
        RawShareBaseline.Shape fair = RawShareBaseline.Shape.batched(workers);
        RawShareBaseline.Shape awaited = fair.awaited(submitters, tuning.writeLinger());
        List<RawSide> raws = List.of(new RawSide("raw", fair), new RawSide("raw with awaited submits", awaited),
            new RawSide("raw with awaited submits and slots", awaited.slotted(slots)));
        List<List<Double>> ratios = new ArrayList<>(); // SDK ÷ each raw side, per measured round
        raws.forEach(raw -> ratios.add(new ArrayList<>()));
        List<Double> sdkRates = new ArrayList<>();
        for (int r = 1; r <= warmUpRounds + rounds; r++) {
          boolean warmUp = r <= warmUpRounds;
          String name = workers + "r" + r;
          List<Measured> measured = new ArrayList<>();
          for (int i = 0; i < raws.size(); i++) {
            RawShareBaseline.Shape shape = raws.get(i).shape();
            String round = "raw" + i + "-" + name;
            BrokerRequests before = BrokerRequests.now();
            measured.add(measure(() -> RawShareBaseline.run(settings, round, shape, jobs)));
            if (!warmUp) {
              System.out.println("  broker requests per job, " + raws.get(i).label() + ": "
                  + BrokerRequests.now().perJobSince(before, jobs));
            }
          }
          BrokerRequests before = BrokerRequests.now();
          Measured sdk = measure(() -> distributed(settings, "w" + name, workers, slots, submitters, jobs, tuning));
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%15s |",
              workers + (warmUp ? " (warm-up " + r + ")" : " (round " + (r - warmUpRounds) + ")")));
          for (Measured raw : measured) {
            line.append(String.format(Locale.ROOT, " %7.0f (%.2f) |", raw.perSecond, raw.coresBusy));
          }
          line.append(String.format(Locale.ROOT, " %7.0f (%.2f) | SDK ÷", sdk.perSecond, sdk.coresBusy));
          for (int i = 0; i < raws.size(); i++) {
            double ratio = sdk.perSecond / measured.get(i).perSecond;
            line.append(String.format(Locale.ROOT, " %.2f", ratio));
            if (!warmUp) {
              ratios.get(i).add(ratio);
            }
          }
          if (!warmUp) {
            System.out.println("  broker requests per job, DistributedJobs: " + BrokerRequests.now().perJobSince(before, jobs));
            sdkRates.add(sdk.perSecond);
          }
          System.out.println(line);
        }
        double median = median(sdkRates);
        first = first == 0 ? median : first;
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
            "%15s | median of %d rounds: DistributedJobs %.0f jobs/s, scaling vs 1 replica %.2fx; SDK ÷", workers,
            rounds, median, median / first));
        for (int i = 0; i < raws.size(); i++) {
          summary.append(String.format(Locale.ROOT, " %s %.2f%s", raws.get(i).label(), median(ratios.get(i)),
              i + 1 < raws.size() ? "," : ""));
        }
        System.out.println(summary);
      }
      SubmitToStart.measure(settings, latencyJobs, tuning);
    }
  }

  private record Measured(double perSecond, double coresBusy) {}

  /** A raw side of the comparison and how it is printed. */
  private record RawSide(String label, RawShareBaseline.Shape shape) {}

  private interface Round {
    double run() throws Exception;
  }

  /** Runs a round and says how many of the machine's cores this JVM kept busy on average meanwhile. */
  private static Measured measure(Round round) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    double perSecond = round.run();
    return new Measured(perSecond, (os.getProcessCpuTime() - cpu) / (double) (System.nanoTime() - wall));
  }

  static JobKinds kinds(Map<Integer, Long> started) {
    return JobKinds.builder().kind("short", Work.class, (request, ctx) -> {
      if (started != null) {
        started.put(request.n, System.nanoTime());
      }
      return new Work(request.n + 1);
    }).build();
  }

  private static double distributed(KafkaConfig settings, String round, int workers, int slots, int submitters,
      int jobs, DistributedJobsConfig tuning) throws Exception {
    JobKinds kinds = kinds(null);
    Set<String> finished = ConcurrentHashMap.newKeySet(); // told by the workers' listeners, so measuring costs no reads
    JobListener finishes = change -> {
      if (change.job().isTerminal()) {
        finished.add(change.job().id());
      }
    };
    List<DistributedJobs> replicas = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    try {
      DistributedJobs accepting = replica(settings, round, "accept", 0, kinds, finishes, tuning);
      replicas.add(accepting);
      for (int i = 1; i <= workers; i++) {
        replicas.add(replica(settings, round, "worker" + i, slots, kinds, finishes, tuning));
      }
      JobManager manager = accepting.jobManager();
      for (int i = 0; i < WARM_UP; i++) { // the slots joined, the clients connected
        String warmUp = manager.submit(JobSubmission.builder("short").build(), kinds.work("short", new Work(-1))).id();
        manager.awaitCompletion(warmUp, null, Duration.ofSeconds(60)).get();
      }
      Set<String> submitted = ConcurrentHashMap.newKeySet();
      long start = System.nanoTime();
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < submitters; t++) {
        int first = t;
        threads.add(pool.submit(() -> {
          for (int i = first; i < jobs; i += submitters) {
            submitted.add(manager.submit(JobSubmission.builder("short").build(), kinds.work("short", new Work(i))).id());
          }
        }));
      }
      for (Future<?> thread : threads) {
        thread.get();
      }
      System.out.printf(Locale.ROOT, "  (round %s: all %d jobs accepted after %.0f ms)%n", round, jobs,
          (System.nanoTime() - start) / 1e6);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (finished.size() < jobs + WARM_UP && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
      checkSucceededEverywhere(replicas, submitted, round, jobs);
      return perSecond;
    } finally {
      pool.shutdownNow();
      replicas.forEach(DistributedJobs::close);
    }
  }

  /** Every job succeeded, with its own result, on every replica. */
  private static void checkSucceededEverywhere(List<DistributedJobs> replicas, Set<String> submitted, String round,
      int jobs) {
    if (submitted.size() != jobs) {
      throw new IllegalStateException((jobs - submitted.size()) + " jobs not accepted in round " + round);
    }
    for (DistributedJobs replica : replicas) {
      JobManager manager = replica.jobManager();
      for (String id : submitted) {
        if (!manager.get(id, null).status().equals(JobStatus.SUCCEEDED)
            || !new String(manager.result(id, null).body(), StandardCharsets.UTF_8).startsWith("{\"n\":")) {
          throw new IllegalStateException("job " + id + " not succeeded with its result on "
              + replica.config().replicaId() + " in round " + round);
        }
      }
    }
  }

  static DistributedJobs replica(KafkaConfig settings, String round, String id, int workers, JobKinds kinds,
      JobListener listener, DistributedJobsConfig tuning) {
    return DistributedJobs.builder()
        .listener(listener)
        .kafka(settings)
        .kinds(kinds)
        .config(tuning.toBuilder()
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

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static int intArgument(List<String> arguments, String name, int otherwise) {
    int index = arguments.indexOf(name);
    return index >= 0 ? Integer.parseInt(arguments.get(index + 1)) : otherwise;
  }
}
