package org.lfenergy.sogno.sdk.bench.async;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-job overhead of the in-memory {@link JobManager}: no-op jobs from submit to {@code succeeded}
 * (goal ≤ 20 µs), side by side with the raw library underneath — a fixed thread pool running the same
 * no-op work — so the figure is the manager's own cost (ids, store, state machine, listeners).
 *
 * <ul>
 *   <li>{@code *Batch}: 1,000 jobs submitted back to back, time until all succeeded, per job.
 *   <li>{@code *Single}: one job, submit and wait until it succeeded (includes the thread hand-off).
 * </ul>
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main JobManagerOverhead}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JobManagerOverheadBenchmark {
  private static final int BATCH = 1_000;
  private static final int WORKERS = 2;

  private JobManager manager;
  private ExecutorService rawPool;
  private volatile CountDownLatch finished;

  @Setup(Level.Trial)
  public void start() {
    JobListener countFinished = change -> {
      if (change.job().isTerminal()) {
        finished.countDown();
      }
    };
    manager = JobManager.builder()
        .config(JobManagerConfig.builder().workers(WORKERS).queueCapacity(BATCH).build())
        .listener(countFinished)
        .build();
    rawPool = Executors.newFixedThreadPool(WORKERS);
  }

  @TearDown(Level.Trial)
  public void stop() {
    manager.close();
    rawPool.shutdownNow();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void jobManagerBatch() throws InterruptedException {
    finished = new CountDownLatch(BATCH);
    JobSubmission submission = JobSubmission.builder("noop").owner("bench").build();
    for (int i = 0; i < BATCH; i++) {
      manager.submit(submission, ctx -> null);
    }
    finished.await();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void rawThreadPoolBatch() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      rawPool.execute(done::countDown);
    }
    done.await();
  }

  @Benchmark
  public JobStatus jobManagerSingle() {
    finished = new CountDownLatch(1);
    String id = manager.submit(JobSubmission.builder("noop").owner("bench").build(), ctx -> null).id();
    return manager.awaitCompletion(id, "bench", Duration.ofSeconds(10)).join().status();
  }

  @Benchmark
  public Object rawThreadPoolSingle() throws Exception {
    return rawPool.submit(() -> null).get();
  }
}
