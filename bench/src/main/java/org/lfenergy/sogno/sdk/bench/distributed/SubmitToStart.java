package org.lfenergy.sogno.sdk.bench.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobs;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * P7's latency: from the call of {@code submit} on a replica without workers to the start of the
 * handler on an idle worker replica (one slot), one job at a time, each waited for to the end before
 * the next is submitted. Both replicas share this JVM and its clock.
 */
final class SubmitToStart {
  private SubmitToStart() {}

  static void measure(KafkaConfig settings, int jobs, DistributedJobsConfig tuning) throws Exception {
    Map<Integer, Long> started = new ConcurrentHashMap<>();
    JobKinds kinds = DistributedJobsBench.kinds(started);
    try (DistributedJobs accepting =
            DistributedJobsBench.replica(settings, "latency", "accept", 0, kinds, change -> {}, tuning);
        DistributedJobs worker =
            DistributedJobsBench.replica(settings, "latency", "worker", 1, kinds, change -> {}, tuning)) {
      JobManager manager = accepting.jobManager();
      List<Double> millis = new ArrayList<>();
      for (int i = -10; i < jobs; i++) { // ten warm-up jobs first
        long submitted = System.nanoTime();
        String id = manager.submit(JobSubmission.builder("short").build(),
            kinds.work("short", new DistributedJobsBench.Work(i))).id();
        manager.awaitCompletion(id, null, Duration.ofSeconds(60)).get();
        if (i >= 0) {
          millis.add((started.get(i) - submitted) / 1e6);
        }
        Thread.sleep(20); // the worker idle again, waiting in its poll
      }
      List<Double> sorted = millis.stream().sorted().toList();
      System.out.printf(Locale.ROOT, "submit -> start on an idle worker, %d jobs: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          jobs, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
