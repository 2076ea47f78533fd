package org.lfenergy.sogno.sdk.async.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.internal.JobIds;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Runs jobs of the async-job convention, framework-neutral: submit a {@link JobWork}, get a {@link
 * Job} with an unguessable id (a random UUIDv4 from the JDK's CSPRNG) at once, and let HTTP helpers
 * such as {@code JobEndpoints} serve its status, result and cancellation.
 *
 * <pre>{@code
 * JobManager jobs = JobManager.builder()
 *     .config(JobManagerConfig.builder().workers(4).queueCapacity(100).build())
 *     .listener(change -> log.info("{}", change))
 *     .build();
 * Job job = jobs.submit(JobSubmission.builder("powerflow").owner("alice").build(),
 *     ctx -> { ctx.progress(50, "half way"); return solve(); });
 * }</pre>
 *
 * <p>Capacity: at most {@code workers} jobs run and {@code queueCapacity} more wait; a submission
 * beyond that is refused at once with a {@code queue-full} {@link JobManagerException} — nothing is
 * dropped silently. Every method that takes a {@code principal} applies owner scoping: a job of another
 * principal is reported as {@code job-not-found}, never as forbidden, so ids leak nothing.
 *
 * <p>Guarantees: a job moves only {@code queued → running → succeeded | failed | cancelled} (or
 * {@code queued → cancelled}); the same {@code Idempotency-Key} and request give the same job for the
 * job's {@code ttl}; listeners see every change of a job, in order, synchronously. Cancellation is
 * cooperative: work that returns after a cancellation request still {@code succeeded}.
 *
 * <p>Failure behaviour: work that throws {@link JobFailureException} ends {@code failed} with its
 * problem; any other exception ends {@code failed} with a generic {@code 500 job-failed} problem (the
 * exception is logged, its message never shown); an exception after a cancellation request ends
 * {@code cancelled}. A store that cannot be reached throws {@link JobStoreUnavailableException} and
 * changes nothing. A listener's exception is logged and ignored. Jobs of the default {@link
 * InMemoryJobStore} do not survive a restart: clients then get {@code job-not-found}.
 *
 * <p>Thread-safe. {@link #close()} drains: it stops accepting jobs ({@code 503 queue-full} with
 * {@code Retry-After}), cancels queued ones, lets running ones finish within the configured {@code
 * drainGrace}, then cancels (and interrupts) what is still running, and logs what it did. An
 * in-memory job cannot outlive its process; durable runtimes re-queue instead.
 */
public final class JobManager implements AutoCloseable {
  private final JobManagerConfig config;
  private final JobStore store;
  private final JobListeners listeners;
  private final SognoJson json;
  private final Clock clock;
  private final JobDispatcher dispatcher; // null: run jobs on this manager's own workers
  private final JobWorkers workers;
  private final JobIds ids;
  private final JobTelemetry telemetry;
  private volatile boolean closed;

  private JobManager(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.store =
        b.store != null
            ? b.store
            : InMemoryJobStore.withCapacity(
                Math.max(10_000, 2 * (config.workers() + config.queueCapacity())), clock);
    this.listeners = new JobListeners(b.listeners);
    this.json = b.json;
    this.dispatcher = b.dispatcher;
    this.ids = new JobIds(b.idRandom);
    this.telemetry = JobTelemetry.of(b.observability);
    this.workers = new JobWorkers(config, store, listeners, json, clock, telemetry);
    if (dispatcher == null) { // a dispatcher's runtime counts what waits and runs
      telemetry.gauges(workers::queued, workers::running);
    }
  }

  /** A builder with the default config, an {@link InMemoryJobStore} and no listeners. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Accepts a job. With an idempotency key that the same owner already used, returns that job instead
   * (if the fingerprints match) without running {@code work}.
   *
   * @return the job as accepted (usually {@code queued})
   * @throws JobManagerException {@code queue-full} when at capacity or closed, {@code
   *     idempotency-key-reused} when the key came with another fingerprint, {@code
   *     job-state-unavailable} (503) when the store throws {@link JobStoreUnavailableException}
   */
  public Job submit(JobSubmission submission, JobWork work) {
    Objects.requireNonNull(work, "work");
    try {
      return accept(submission, work);
    } catch (JobStoreUnavailableException e) { // from the idempotency-key lookup, passed on as before
      telemetry.refused(submission.kind(), JobTelemetry.Refusal.STORE_UNAVAILABLE);
      throw e;
    }
  }

  private Job accept(JobSubmission submission, JobWork work) {
    String kind = submission.kind();
    String owner = submission.owner().orElse(null);
    String key = submission.idempotencyKey().orElse(null);
    String fingerprint = submission.fingerprint().orElse(null);
    if (key != null) {
      Optional<JobRecord> previous = store.findByIdempotencyKey(owner, key);
      if (previous.isPresent()) {
        return sameRequestOrThrow(previous.get(), fingerprint, kind);
      }
    }
    if (closed) {
      throw refused(kind, JobTelemetry.Refusal.SHUTTING_DOWN,
          JobManagerException.queueFull("The job manager is shutting down", config.queueFullRetryAfter()));
    }
    if (!workers.reserve()) {
      throw refused(kind, JobTelemetry.Refusal.QUEUE_FULL, JobManagerException.queueFull(
          "All " + config.workers() + " workers are busy and " + config.queueCapacity() + " jobs are waiting",
          config.queueFullRetryAfter()));
    }
    Job job = JobLifecycle.queued(ids.next(), kind, now(), config.jobsPath());
    JobRecord record = JobRecord.of(job, owner, key, fingerprint).withTraceContext(telemetry.traceContext());
    JobRecord stored;
    try {
      stored = dispatcher == null ? store.insert(record) : dispatcher.insert(store, record, work);
    } catch (JobStoreFullException e) {
      workers.release();
      throw refused(kind, JobTelemetry.Refusal.STORE_FULL,
          JobManagerException.queueFull(e.getMessage(), config.queueFullRetryAfter()));
    } catch (JobStoreUnavailableException e) {
      workers.release();
      throw refused(kind, JobTelemetry.Refusal.STORE_UNAVAILABLE,
          JobManagerException.stateUnavailable(e, config.queueFullRetryAfter()));
    } catch (IllegalArgumentException e) {
      workers.release();
      if (dispatcher != null) { // it cannot run this work
        telemetry.refused(kind, JobTelemetry.Refusal.UNRUNNABLE);
      }
      throw e;
    } catch (RuntimeException e) {
      workers.release();
      throw e;
    }
    if (stored != record) { // lost a race against the same idempotency key
      workers.release();
      return sameRequestOrThrow(stored, fingerprint, kind);
    }
    if (dispatcher != null) {
      return dispatch(stored, work);
    }
    workers.run(job, owner, work);
    return job;
  }

  /**
   * The job as {@code principal} may see it.
   *
   * @param principal the caller's principal name, null for anonymous
   * @throws JobManagerException {@code job-not-found}
   */
  public Job get(String jobId, String principal) {
    return visibleRecord(jobId, principal).job();
  }

  /**
   * The stored result of a succeeded job.
   *
   * @throws JobManagerException {@code job-not-found}, {@code job-not-finished} or {@code
   *     job-not-succeeded}
   */
  public JobResult result(String jobId, String principal) {
    JobRecord record = visibleRecord(jobId, principal);
    JobStatus status = record.job().status();
    if (status.equals(JobStatus.SUCCEEDED)) {
      return record.result().orElse(JobResult.empty());
    }
    throw status.isTerminal()
        ? JobManagerException.notSucceeded(jobId, status)
        : JobManagerException.notFinished(jobId);
  }

  /**
   * Cancels a job: a queued job ends {@code cancelled} at once; a running one is asked to stop (and its
   * thread interrupted, if configured) and ends {@code cancelled} when its work gives up — or {@code
   * succeeded} if the work finishes anyway. Cancelling a cancelled job is a no-op.
   *
   * @return the job after the request
   * @throws JobManagerException {@code job-not-found}, or {@code job-already-finished} for a job that
   *     succeeded or failed
   */
  public Job cancel(String jobId, String principal) {
    JobStatus before = visibleRecord(jobId, principal).job().status();
    if (before.isTerminal() && !before.equals(JobStatus.CANCELLED)) {
      throw JobManagerException.alreadyFinished(jobId, before);
    }
    JobStatus[] previous = new JobStatus[1];
    JobRecord after;
    try {
      after = store
          .update(
              jobId,
              record -> {
                previous[0] = record.job().status();
                if (previous[0].equals(JobStatus.QUEUED)) {
                  return record.withCancelRequested().withJob(JobLifecycle.cancel(record.job(), now(), config.ttl()));
                }
                return previous[0].equals(JobStatus.RUNNING) ? record.withCancelRequested() : record;
              })
          .orElseThrow(() -> JobManagerException.jobNotFound(jobId));
    } catch (JobStoreUnavailableException e) {
      throw JobManagerException.stateUnavailable(e, config.queueFullRetryAfter());
    }
    Job job = after.job();
    JobExecution execution = workers.execution(jobId);
    if (previous[0].equals(JobStatus.QUEUED)) {
      publish(JobStateChange.of(job, previous[0], after.owner().orElse(null)));
      if (execution != null) {
        execution.requestCancel(false);
        execution.done.complete(job);
      }
    } else if (previous[0].equals(JobStatus.RUNNING) && execution != null) {
      execution.requestCancel(config.interruptOnCancel());
    } else if (job.isTerminal() && !job.status().equals(JobStatus.CANCELLED)) {
      throw JobManagerException.alreadyFinished(jobId, job.status());
    }
    return job;
  }

  /**
   * Completes with the job once it is terminal, or with its current state after {@code maxWait}
   * (clamped to the configured {@code maxWait}) — the basis of {@code Prefer: wait=N} long polls.
   * Never completes exceptionally except with {@code job-not-found} when the job expired meanwhile.
   * For a job running in another instance sharing the store, it simply answers after the wait.
   *
   * @throws JobManagerException {@code job-not-found}, at once
   */
  public CompletableFuture<Job> awaitCompletion(String jobId, String principal, Duration maxWait) {
    Job job = get(jobId, principal);
    Duration wait = maxWait.compareTo(config.maxWait()) > 0 ? config.maxWait() : maxWait;
    if (job.isTerminal() || wait.isZero() || wait.isNegative()) {
      return CompletableFuture.completedFuture(job);
    }
    JobExecution execution = workers.execution(jobId);
    if (execution == null) { // finished meanwhile (the store then has it), or runs elsewhere
      Job latest = get(jobId, principal);
      if (latest.isTerminal()) {
        return CompletableFuture.completedFuture(latest);
      }
    }
    CompletableFuture<Job> finished =
        execution != null
            ? execution.done.copy()
            : dispatcher != null ? dispatcher.completion(jobId).copy() : new CompletableFuture<>();
    return finished
        .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(done -> done != null ? done : get(jobId, principal));
  }

  /**
   * As {@link #awaitCompletion}, but also completes — with the job as it then is — at the job's next
   * change of state or progress, if it runs in this process: the basis of {@code Prefer: wait=N} on
   * {@code GET} of a job, so a waiting client sees progress without polling more often. A job running
   * in another instance sharing the store is answered at its end or after the wait.
   *
   * @throws JobManagerException {@code job-not-found}, at once
   */
  public CompletableFuture<Job> awaitChange(String jobId, String principal, Duration maxWait) {
    JobExecution execution = workers.execution(jobId);
    // Taken before the job is read, so a change right after the read still ends the wait.
    CompletableFuture<Void> nextChange = execution == null ? null : execution.nextChange();
    CompletableFuture<Job> completion = awaitCompletion(jobId, principal, maxWait);
    if (nextChange == null || completion.isDone()) {
      return completion;
    }
    return completion.applyToEither(nextChange.thenApply(changed -> get(jobId, principal)), job -> job);
  }

  /** The configuration this manager runs with. */
  public JobManagerConfig config() {
    return config;
  }

  /**
   * Drains and stops: refuses new jobs at once ({@code queue-full} with {@code Retry-After}), cancels
   * queued jobs, waits up to {@code drainGrace} for running jobs to finish, then asks what is left to
   * stop (interrupting its thread) and waits up to 10 s more. Each step is logged. Calling it again
   * does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    telemetry.close();
    workers.drain();
  }

  private Job dispatch(JobRecord record, JobWork work) {
    workers.release(); // the dispatcher's queue bounds the work, not this manager
    publish(JobStateChange.of(record.job(), null, record.owner().orElse(null)));
    String kind = record.job().kind().orElse(null);
    try {
      dispatcher.dispatch(record, work);
    } catch (RejectedExecutionException e) {
      throw refused(kind, JobTelemetry.Refusal.DISPATCH_REJECTED,
          JobManagerException.queueFull("The job could not be handed to a worker", config.queueFullRetryAfter()));
    } catch (JobStoreUnavailableException e) {
      throw refused(kind, JobTelemetry.Refusal.STORE_UNAVAILABLE,
          JobManagerException.stateUnavailable(e, config.queueFullRetryAfter()));
    } catch (IllegalArgumentException e) {
      telemetry.refused(kind, JobTelemetry.Refusal.UNRUNNABLE);
      throw e;
    }
    return record.job();
  }

  private JobRecord visibleRecord(String jobId, String principal) {
    return store
        .find(jobId)
        .filter(record -> !config.ownerScoped() || Objects.equals(record.owner().orElse(null), principal))
        .orElseThrow(() -> JobManagerException.jobNotFound(jobId));
  }

  private Job sameRequestOrThrow(JobRecord previous, String fingerprint, String kind) {
    if (!Objects.equals(previous.fingerprint().orElse(null), fingerprint)) {
      throw refused(kind, JobTelemetry.Refusal.IDEMPOTENCY_CONFLICT, JobManagerException.idempotencyKeyReused());
    }
    return previous.job();
  }

  private JobManagerException refused(String kind, JobTelemetry.Refusal reason, JobManagerException refusal) {
    telemetry.refused(kind, reason);
    return refusal;
  }

  private void publish(JobStateChange change) {
    listeners.stateChanged(change);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Builds a {@link JobManager}; not thread-safe. */
  public static final class Builder {
    private JobManagerConfig config = JobManagerConfig.defaults();
    private JobStore store;
    private final List<JobListener> listeners = new ArrayList<>();
    private SognoJson json = SognoJson.defaults();
    private Clock clock = Clock.systemUTC();
    private JobDispatcher dispatcher;
    private SecureRandom idRandom = new SecureRandom();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();

    private Builder() {}

    public Builder config(JobManagerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The store; default an {@link InMemoryJobStore} sized from the config. */
    public Builder store(JobStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Adds a listener; listeners are called in the order added. */
    public Builder listener(JobListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** How results that are plain objects are written; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** The clock of job timestamps and expiry (for tests); default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Hands accepted jobs to {@code dispatcher} instead of this manager's own workers (distributed
     * execution); pair it with a {@link #store} shared by the replicas. Default: none.
     */
    public Builder dispatcher(JobDispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /**
     * The source of job ids (random UUIDv4, guidelines: from a CSPRNG); default a new {@link
     * SecureRandom}. Tests may pass a seeded one; the type keeps it cryptographic.
     */
    public Builder idRandom(SecureRandom random) {
      this.idRandom = Objects.requireNonNull(random, "idRandom");
      return this;
    }

    /**
     * Where job metrics and spans are recorded (see {@link JobTelemetry}); default none. A job's run
     * is then a span linked to the span current at {@link JobManager#submit} — e.g. the server
     * request's — and current while its work runs.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    public JobManager build() {
      return new JobManager(this);
    }
  }
}
