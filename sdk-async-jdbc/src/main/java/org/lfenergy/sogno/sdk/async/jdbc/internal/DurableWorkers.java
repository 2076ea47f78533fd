package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.async.server.JobListeners;
import org.lfenergy.sogno.sdk.async.server.JobOutcomes;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's workers of durable jobs: one poller claims queued jobs while workers are free (and
 * recovers jobs whose lease expired), a heartbeat renews the leases of running jobs and reads
 * cancellation requests, and each outcome is recorded only while this replica still holds the lease.
 */
public final class DurableWorkers {
  private static final Logger log = LoggerFactory.getLogger(DurableWorkers.class);

  /** What the workers are set up with; the public config's values. */
  public record Settings(String replicaId, int workers, Duration pollInterval, Duration heartbeatInterval,
      int maxAttempts, Duration ttl, boolean interruptOnCancel) {}

  private final Settings settings;
  private final JobLeases leases;
  private final JobStore store;
  private final JobKinds kinds;
  private final JobListeners listeners;
  private final JobTelemetry telemetry;
  private final SognoJson json;
  private final Clock clock;
  private final ExecutorService pool;
  private final ScheduledExecutorService scheduler;
  private final Map<String, DurableExecution> running = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Job>> completions = new ConcurrentHashMap<>();
  private final AtomicBoolean pollPending = new AtomicBoolean();
  private volatile boolean claiming = true;

  public DurableWorkers(Settings settings, JobLeases leases, JobStore store, JobKinds kinds, JobListeners listeners,
      JobTelemetry telemetry, SognoJson json, Clock clock) {
    this.settings = settings;
    this.leases = leases;
    this.store = store;
    this.kinds = kinds;
    this.listeners = listeners;
    this.telemetry = telemetry;
    this.json = json;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(settings.workers(), threads("sogno-durable-job-"));
    this.scheduler = Executors.newScheduledThreadPool(2, threads("sogno-durable-scheduler-"));
  }

  /**
   * Starts polling (recovery of expired leases and claims every {@code pollInterval}, claims alone
   * when woken), heartbeats, and {@code sweep} every {@code sweepInterval}.
   */
  public void start(Runnable sweep, Duration sweepInterval) {
    long poll = settings.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(() -> guarded("recover and claim jobs", () -> {
      if (claiming) {
        publish(leases.recover(settings.maxAttempts(), null, false));
      }
      poll();
    }), 0, poll, TimeUnit.MILLISECONDS);
    long beat = settings.heartbeatInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(() -> guarded("sweep expired jobs", sweep), sweepInterval.toMillis(),
        sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Looks for queued jobs now (a job was just submitted). */
  public void wake() {
    if (claiming && pollPending.compareAndSet(false, true)) {
      try {
        scheduler.execute(this::pollSafely);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        pollPending.set(false);
      }
    }
  }

  /** Completed with the job once this replica sees it terminal; for long polls. */
  public CompletableFuture<Job> completion(String jobId) {
    return completions.computeIfAbsent(jobId, id -> new CompletableFuture<>());
  }

  /** Publishes status changes (recovery, claims) to the listeners and completes waiting long polls. */
  public void publish(List<JobStateChange> changes) {
    for (JobStateChange change : changes) {
      listeners.stateChanged(change);
      if (change.job().isTerminal()) {
        Optional.ofNullable(completions.remove(change.job().id())).ifPresent(f -> f.complete(change.job()));
      }
    }
  }

  JobKinds kinds() {
    return kinds;
  }

  SognoJson json() {
    return json;
  }

  void progress(DurableExecution execution, JobProgress progress) {
    if (execution.isAbandoned()) {
      return;
    }
    leases.changeLeased(execution.jobId(), settings.replicaId(), false,
            record -> record.withJob(JobLifecycle.progress(record.job(), progress, now())))
        .ifPresent(change -> listeners.progress(change.job()));
  }

  /** Records a run's outcome; returns the job after it, null if nothing was recorded. */
  Job finished(DurableExecution execution, Object outcome, Throwable failure) {
    try {
      if (!execution.isAbandoned()) {
        return record(execution, outcome, failure);
      } else {
        log.info("Job {} stopped on replica {} after its lease ended; its outcome is not recorded",
            execution.jobId(), settings.replicaId());
      }
    } catch (RuntimeException e) {
      log.warn("Job {}: the outcome could not be recorded; the job runs again when its lease expires",
          execution.jobId(), e);
    } finally {
      running.remove(execution.jobId(), execution);
      wake();
    }
    return null;
  }

  /** How many jobs run on this replica's workers now. */
  public int running() {
    return running.size();
  }

  private Job record(DurableExecution execution, Object outcome, Throwable failure) {
    UnaryOperator<JobRecord> change;
    Instant now = now();
    if (failure == null) {
      JobResult result = safeResult(execution.jobId(), outcome);
      change = result != null
          ? record -> record.withResult(result).withJob(JobLifecycle.succeed(record.job(), now, settings.ttl()))
          : record -> record.withJob(JobLifecycle.fail(record.job(), resultProblem(), now, settings.ttl()));
    } else if (execution.isCancellationRequested()) {
      change = record -> record.withJob(JobLifecycle.cancel(record.job(), now, settings.ttl()));
    } else {
      Problem problem = failure instanceof DurableExecution.UnknownKindException
          ? Problem.builder().code("job-kind-unknown").status(500).title("Unknown job kind")
              .detail("No worker runs jobs of kind '" + execution.claim().kind() + "'").build()
          : JobOutcomes.problem(execution.jobId(), failure);
      change = record -> record.withJob(JobLifecycle.fail(record.job(), problem, now, settings.ttl()));
    }
    Optional<JobStateChange> recorded = leases.changeLeased(execution.jobId(), settings.replicaId(), true, change);
    if (recorded.isEmpty()) {
      log.info("Job {} finished on replica {} after its lease ended; its outcome is not recorded",
          execution.jobId(), settings.replicaId());
    }
    publish(recorded.stream().toList());
    return recorded.map(JobStateChange::job).orElse(null);
  }

  private JobResult safeResult(String jobId, Object outcome) {
    try {
      return JobOutcomes.result(outcome, json);
    } catch (RuntimeException e) {
      log.warn("Job {}: its result could not be written as JSON", jobId, e);
      return null;
    }
  }

  private static Problem resultProblem() {
    return Problem.builder().code("job-failed").status(500).title("Job failed")
        .detail("The job failed with an internal error").build();
  }

  private void pollSafely() {
    pollPending.set(false);
    guarded("claim jobs", this::poll);
  }

  private synchronized void poll() {
    if (!claiming) {
      return;
    }
    int free = settings.workers() - running.size();
    if (free <= 0) {
      return;
    }
    for (JobLeases.Claim claim : leases.claim(settings.replicaId(), free)) {
      DurableExecution execution =
          new DurableExecution(this, claim, telemetry.started(claim.record(), claim.attempt()));
      running.put(claim.record().id(), execution);
      try (JobTelemetry.Scope ignored = execution.enter()) {
        publish(List.of(claim.change()));
      }
      pool.execute(execution);
    }
  }

  private void heartbeat() {
    guarded("renew job leases", () -> {
      if (running.isEmpty()) {
        return;
      }
      JobLeases.Heartbeat beat = leases.renew(settings.replicaId(), Set.copyOf(running.keySet()));
      for (String lost : beat.lost()) {
        Optional.ofNullable(running.get(lost)).filter(execution -> !execution.isFinished()).ifPresent(execution -> {
          log.warn("Job {} lost its lease on replica {}; stopping it", lost, settings.replicaId());
          execution.abandon();
        });
      }
      for (String cancelled : beat.cancelRequested()) {
        Optional.ofNullable(running.get(cancelled))
            .ifPresent(execution -> execution.requestCancel(settings.interruptOnCancel()));
      }
    });
    completions.keySet().forEach(this::completeIfTerminal);
  }

  private void completeIfTerminal(String jobId) {
    if (running.containsKey(jobId)) {
      return;
    }
    guarded("read a job", () -> {
      Optional<Job> job = store.find(jobId).map(JobRecord::job);
      if (job.isEmpty() || job.get().isTerminal()) {
        Optional.ofNullable(completions.remove(jobId)).ifPresent(f -> f.complete(job.orElse(null)));
      }
    });
  }

  /**
   * Stops claiming, lets running jobs finish within {@code grace}, then re-queues what is left (its
   * attempt not counted) and stops the threads.
   *
   * @return the ids of the jobs re-queued
   */
  public List<String> drain(Duration grace) {
    claiming = false;
    long deadline = System.nanoTime() + grace.toNanos();
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    List<String> requeued = new java.util.ArrayList<>();
    for (DurableExecution execution : List.copyOf(running.values())) {
      execution.abandon();
      try {
        leases.changeLeased(execution.jobId(), settings.replicaId(), true,
                record -> record.withJob(JobLifecycle.requeue(record.job(), now())))
            .ifPresent(change -> {
              requeued.add(execution.jobId());
              publish(List.of(change));
            });
      } catch (RuntimeException e) {
        log.warn("Job {} could not be re-queued on drain; it runs again when its lease expires",
            execution.jobId(), e);
      }
    }
    scheduler.shutdownNow();
    pool.shutdownNow();
    awaitQuietly(pool);
    awaitQuietly(scheduler);
    return requeued;
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void guarded(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.warn("Durable jobs could not {}; trying again later", what, e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static java.util.concurrent.ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
