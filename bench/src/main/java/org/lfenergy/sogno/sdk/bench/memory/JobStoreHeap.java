package org.lfenergy.sogno.sdk.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.InMemoryJobStore;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.JobWork;

/**
 * Heap held by finished jobs in sdk-async's {@link InMemoryJobStore}: runs {@code jobs} no-op jobs
 * through a {@link JobManager} and compares the live heap (after full GCs) before and after, with the
 * manager's threads and store already created in both measurements. Two shapes: a bare job (no owner,
 * no idempotency key, no result body) and a job as an HTTP service holds it (owner, idempotency key
 * with request fingerprint, a small JSON result).
 */
public final class JobStoreHeap {
  private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(2);
  private static final byte[] RESULT = "{\"converged\":true,\"iterations\":4}".getBytes(StandardCharsets.UTF_8);

  private JobStoreHeap() {}

  /** One measured shape: bytes held for {@code jobs} finished jobs. */
  public record Figure(String shape, int jobs, long bytesHeld) {
    public double bytesPerJob() {
      return (double) bytesHeld / jobs;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-40s %,d jobs: %,.1f MiB held, %,.0f bytes per job", shape, jobs,
          bytesHeld / 1_048_576.0, bytesPerJob());
    }
  }

  /** Measures both shapes for {@code jobs} jobs, after a warm-up run of each. */
  public static List<Figure> measure(int jobs) throws InterruptedException {
    List<Figure> figures = new ArrayList<>();
    for (boolean asHttpService : new boolean[] {false, true}) {
      held(Math.min(jobs, 1_000), asHttpService); // loads and compiles the code paths
      figures.add(new Figure(asHttpService ? "owner + idempotency key + 33-byte result" : "bare no-op job",
          jobs, held(jobs, asHttpService)));
    }
    return figures;
  }

  private static long held(int jobs, boolean asHttpService) throws InterruptedException {
    JobManagerConfig config = JobManagerConfig.builder().workers(2).queueCapacity(jobs).build();
    InMemoryJobStore store = InMemoryJobStore.withCapacity(jobs * 2);
    try (JobManager manager = JobManager.builder().config(config).store(store).build()) {
      List<String> ids = new ArrayList<>(jobs); // holds the jobs' own id strings: adds 4 bytes a job
      long before = liveHeap();
      JobWork work = context -> asHttpService ? JobResult.of(RESULT.clone(), "application/json") : null;
      for (int i = 0; i < jobs; i++) {
        JobSubmission.Builder submission = JobSubmission.builder("powerflow");
        if (asHttpService) {
          submission.owner("user-" + (i % 100)).idempotencyKey("key-" + i, "POST /v1/powerflows sha256:" + Integer.toHexString(i * 31));
        }
        ids.add(manager.submit(submission.build(), work).id());
      }
      awaitAllFinished(manager, ids, asHttpService);
      long after = liveHeap();
      if (store.size() != jobs) {
        throw new IllegalStateException("The store holds " + store.size() + " jobs, expected " + jobs);
      }
      return after - before;
    }
  }

  private static void awaitAllFinished(JobManager manager, List<String> ids, boolean owned) throws InterruptedException {
    Instant deadline = Instant.now().plus(FINISH_TIMEOUT);
    for (int i = 0; i < ids.size(); i++) {
      String owner = owned ? "user-" + (i % 100) : null;
      Job job = manager.get(ids.get(i), owner);
      while (!job.status().isTerminal()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Job " + job.id() + " still " + job.status() + " after " + FINISH_TIMEOUT);
        }
        Thread.sleep(5);
        job = manager.get(ids.get(i), owner);
      }
    }
  }

  private static long liveHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
