package org.lfenergy.sogno.sdk.async.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobManager}'s own workers: the pool, the capacity ({@code workers + queueCapacity}), the
 * jobs accepted in this process ({@link JobExecution}s, queued or running) and the state changes of
 * their runs, written to the store and told to the listeners. Thread-safe. Logs on the manager's
 * logger.
 */
final class JobWorkers {
  private static final Logger log = LoggerFactory.getLogger(JobManager.class);

  private final JobManagerConfig config;
  private final JobStore store;
  private final JobListeners listeners;
  private final SognoJson json;
  private final Clock clock;
  private final JobTelemetry telemetry;
  private final ThreadPoolExecutor pool;
  private final Semaphore capacity;
  private final ConcurrentHashMap<String, JobExecution> executions = new ConcurrentHashMap<>();
  private final AtomicInteger running = new AtomicInteger();

  JobWorkers(JobManagerConfig config, JobStore store, JobListeners listeners, SognoJson json, Clock clock,
      JobTelemetry telemetry) {
    this.config = config;
    this.store = store;
    this.listeners = listeners;
    this.json = json;
    this.clock = clock;
    this.telemetry = telemetry;
    this.capacity = new Semaphore(config.workers() + config.queueCapacity());
    this.pool = new ThreadPoolExecutor(config.workers(), config.workers(), 0L, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), workerThreads());
  }

  /** Takes a place for a new job; false when all workers are busy and the queue is full. */
  boolean reserve() {
    return capacity.tryAcquire();
  }

  /** Gives back a place taken by {@link #reserve()} for a job that did not come to run here. */
  void release() {
    capacity.release();
  }

  /** Queues a new job (stored, its place reserved) for a worker, and tells the listeners. */
  void run(Job job, String owner, JobWork work) {
    JobExecution execution = new JobExecution(this, job.id(), owner, work);
    executions.put(job.id(), execution);
    listeners.stateChanged(JobStateChange.of(job, null, owner));
    try {
      pool.execute(execution);
    } catch (RejectedExecutionException e) { // closed concurrently
      cancelQueued(execution);
    }
  }

  /** The job's execution in this process, null if it is not queued or running here. */
  JobExecution execution(String jobId) {
    return executions.get(jobId);
  }

  int queued() {
    return Math.max(0, executions.size() - running.get());
  }

  int running() {
    return running.get();
  }

  JobTelemetry telemetry() {
    return telemetry;
  }

  /**
   * Cancels queued jobs, waits up to {@code drainGrace} for running ones, then asks what is left to
   * stop (interrupting its thread) and waits up to 10 s more; each step is logged.
   */
  void drain() {
    List<Runnable> queued = new ArrayList<>();
    pool.getQueue().drainTo(queued);
    pool.shutdown();
    for (Runnable execution : queued) {
      cancelQueued((JobExecution) execution);
    }
    int running = executions.size();
    if (running > 0 || !queued.isEmpty()) {
      log.info("Draining the job manager: {} queued jobs cancelled, {} running get up to {} to finish",
          queued.size(), running, config.drainGrace());
    }
    if (awaitWorkers(config.drainGrace())) {
      return;
    }
    log.warn("Jobs still running after the drain grace of {}, cancelling them: {}", config.drainGrace(),
        executions.keySet());
    // Flag first, so work interrupted by shutdownNow() ends cancelled rather than failed.
    executions.values().forEach(execution -> execution.requestCancel(false));
    pool.shutdownNow();
    if (!awaitWorkers(Duration.ofSeconds(10))) {
      log.warn("Jobs still running 10 s after they were cancelled: {}", executions.keySet());
    }
  }

  private boolean awaitWorkers(Duration timeout) {
    try {
      return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Starts a queued job: the record as started, or null if it was cancelled while queued. The
   * listeners hear of it from {@link #announceRunning}, once the run's span is current.
   */
  JobRecord markRunning(JobExecution execution) {
    JobRecord started = fromQueued(execution, job -> JobLifecycle.start(job, now()), false);
    if (started == null) { // cancelled while queued
      return null;
    }
    running.incrementAndGet();
    execution.markStarted();
    execution.changed();
    return started;
  }

  /** Tells the listeners that the job of {@link #markRunning} is running. */
  void announceRunning(JobExecution execution, JobRecord started) {
    listeners.stateChanged(JobStateChange.of(started.job(), JobStatus.QUEUED, execution.owner()));
  }

  /** Records the outcome of a run; returns the job after it, null if it expired meanwhile. */
  Job complete(JobExecution execution, Object outcome, Throwable failure) {
    JobResult result = null;
    if (failure == null) {
      try {
        result = JobOutcomes.result(outcome, json);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    boolean succeeded = failure == null;
    boolean cancelled = !succeeded && execution.isCancellationRequested();
    Problem problem = succeeded || cancelled ? null : JobOutcomes.problem(execution.jobId(), failure);
    JobResult stored = result;
    Optional<JobRecord> done =
        store.update(
            execution.jobId(),
            record -> {
              Instant now = now();
              if (succeeded) {
                return record.withResult(stored).withJob(JobLifecycle.succeed(record.job(), now, config.ttl()));
              }
              return record.withJob(
                  cancelled
                      ? JobLifecycle.cancel(record.job(), now, config.ttl())
                      : JobLifecycle.fail(record.job(), problem, now, config.ttl()));
            });
    done.ifPresent(record -> listeners.stateChanged(
        JobStateChange.of(record.job(), JobStatus.RUNNING, execution.owner())));
    Job last = done.map(JobRecord::job).orElse(null);
    finished(execution, last);
    return last;
  }

  /** Records new progress of a running job and tells the listeners. */
  void recordProgress(JobExecution execution, JobProgress progress) {
    store
        .update(execution.jobId(), record -> record.withJob(JobLifecycle.progress(record.job(), progress, now())))
        .ifPresent(record -> listeners.progress(record.job()));
    execution.changed();
  }

  private void finished(JobExecution execution, Job last) {
    if (execution.started()) {
      running.decrementAndGet();
    }
    executions.remove(execution.jobId(), execution);
    capacity.release();
    execution.done.complete(last);
  }

  /** Cancels a job that has not started (the manager closes, or its pool refused it). */
  void cancelQueued(JobExecution execution) {
    JobRecord cancelled = fromQueued(execution, job -> JobLifecycle.cancel(job, now(), config.ttl()), true);
    if (cancelled != null) {
      finished(execution, cancelled.job());
    }
  }

  /**
   * Changes the job by {@code transition} if it is still queued and tells the listeners; else (it was
   * cancelled, or expired) finishes the execution with the job as it is.
   *
   * @return the record after the change, null if there was none
   */
  private JobRecord fromQueued(JobExecution execution, UnaryOperator<Job> transition, boolean announce) {
    boolean[] queued = new boolean[1];
    Optional<JobRecord> after = store.update(execution.jobId(), record -> {
      queued[0] = record.job().status().equals(JobStatus.QUEUED);
      return queued[0] ? record.withJob(transition.apply(record.job())) : record;
    });
    if (after.isEmpty() || !queued[0]) {
      finished(execution, after.map(JobRecord::job).orElse(null));
      return null;
    }
    if (announce) {
      listeners.stateChanged(JobStateChange.of(after.get().job(), JobStatus.QUEUED, execution.owner()));
    }
    return after.get();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "sogno-job-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
