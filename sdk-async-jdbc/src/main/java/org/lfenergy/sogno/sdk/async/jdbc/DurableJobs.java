package org.lfenergy.sogno.sdk.async.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.jdbc.internal.DurableWorkers;
import org.lfenergy.sogno.sdk.async.jdbc.internal.JdbcJobDispatcher;
import org.lfenergy.sogno.sdk.async.jdbc.internal.JobLeases;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobListeners;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs that survive a restart: a {@link JobManager} whose accepted jobs are kept in a {@link
 * JdbcJobStore} with their kind and request, and run by workers that claim them from the database.
 * The same API as the in-memory manager; serve it with {@code JobEndpoints.of(jobs.jobManager(), …)}.
 *
 * <pre>{@code
 * JobKinds kinds = JobKinds.builder()
 *     .kind("powerflow", PowerFlowRequest.class, (request, ctx) -> solver.solve(request, ctx))
 *     .build();
 * DurableJobs jobs = DurableJobs.builder(JdbcJobStores.fromEnvironment(), kinds).start();
 * jobs.jobManager().submit(JobSubmission.builder("powerflow").owner(user).build(),
 *     kinds.work("powerflow", request));
 * }</pre>
 *
 * <p>Recovery on start: queued jobs are run; jobs found {@code running} from a process that stopped
 * are queued again and run once more — at once on the embedded database (only one process opens it)
 * or when the lease of their replica expires on PostgreSQL (at once if this replica has the same
 * {@code replicaId}). Every run counts as an attempt; a job interrupted on its last allowed attempt
 * ends {@code failed} with a {@code job-interrupted} problem. The work is looked up by the kind stored
 * with the job, so the same kinds must be registered wherever the store is opened.
 *
 * <p>Several replicas on one PostgreSQL: each job runs on one replica at a time — claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease the replica renews; the outcome is recorded
 * only while the lease is held, so a replica that stalled past its lease records nothing. {@code GET}
 * of a job answers on every replica.
 *
 * <p>Thread-safe. {@link #close()} drains: submissions are refused at once ({@code 503} with
 * {@code Retry-After}), running jobs get {@code drainGrace} to finish, what is left is re-queued for
 * the next start (its attempt not counted), and the log says which jobs. The store stays open
 * unless {@link #fromEnvironment} opened it.
 */
public final class DurableJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DurableJobs.class);

  private final DurableJobsConfig config;
  private final JdbcJobStore store;
  private final DurableWorkers workers;
  private final JobManager manager;
  private final JobTelemetry telemetry;
  private final boolean ownsStore;

  private DurableJobs(Builder b) {
    this.config = b.config;
    this.store = b.store;
    this.ownsStore = b.ownsStore;
    JobLeases leases = new JobLeases(store.transactions(), store.rows(), store.clock(), config.leaseDuration(),
        b.managerConfig.ttl());
    JobListeners listeners = JobListeners.of(b.listeners);
    List<JobStateChange> recovered = leases.recover(config.maxAttempts(), config.replicaId(), store.embedded());
    this.telemetry = JobTelemetry.of(b.observability);
    this.workers = new DurableWorkers(
        new DurableWorkers.Settings(config.replicaId(), config.workers(), config.pollInterval(),
            config.heartbeatInterval(), config.maxAttempts(), b.managerConfig.ttl(),
            b.managerConfig.interruptOnCancel()),
        leases, store, b.kinds, listeners, telemetry, b.json, store.clock());
    telemetry.gauges(leases::countQueued, workers::running);
    JobManager.Builder manager = JobManager.builder().config(b.managerConfig).store(store).json(b.json)
        .clock(store.clock()).observability(b.observability).dispatcher(new JdbcJobDispatcher(store::insert, workers,
            b.kinds, b.json));
    b.listeners.forEach(manager::listener);
    this.manager = manager.build();
    workers.publish(recovered);
    if (!recovered.isEmpty()) {
      log.info("Recovered {} interrupted jobs on replica {}", recovered.size(), config.replicaId());
    }
    workers.start(store::sweepExpired, config.sweepInterval());
    log.info("Durable jobs started on replica {} ({})", config.replicaId(), store.embedded() ? "embedded" : "shared");
  }

  /**
   * Durable jobs as the environment configures them, in one call: the store of {@link
   * JdbcJobStores#fromEnvironment()} ({@code SOGNO_JOBS_JDBC_URL}, else the embedded database in
   * {@code SOGNO_JOBS_DIR}) and {@link DurableJobsConfig#fromEnvironment()}. These jobs own the
   * store: {@link #close()} drains, then closes it.
   *
   * @throws org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException if the database cannot be
   *     opened
   */
  public static DurableJobs fromEnvironment(JobKinds kinds, JobManagerConfig managerConfig, JobListener... listeners) {
    return fromEnvironment(System.getenv(), kinds, managerConfig, listeners);
  }

  /** As {@link #fromEnvironment(JobKinds, JobManagerConfig, JobListener...)}, reading {@code environment}. */
  public static DurableJobs fromEnvironment(Map<String, String> environment, JobKinds kinds,
      JobManagerConfig managerConfig, JobListener... listeners) {
    return fromEnvironment(environment, kinds, managerConfig, ObservabilityConfig.defaults(), listeners);
  }

  /**
   * As {@link #fromEnvironment(Map, JobKinds, JobManagerConfig, JobListener...)}, with the meters and
   * spans of {@code observability} (see {@link Builder#observability}).
   */
  public static DurableJobs fromEnvironment(Map<String, String> environment, JobKinds kinds,
      JobManagerConfig managerConfig, ObservabilityConfig observability, JobListener... listeners) {
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(observability, "observability");
    DurableJobsConfig config = DurableJobsConfig.fromEnvironment(environment);
    JdbcJobStore store = JdbcJobStores.fromEnvironment(environment);
    try {
      Builder builder = builder(store, kinds).config(config).managerConfig(managerConfig).observability(observability);
      builder.ownsStore = true;
      for (JobListener listener : listeners) {
        builder.listener(listener);
      }
      return builder.start();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * A builder of durable jobs on {@code store} running the work of {@code kinds}.
   *
   * @param store where jobs are kept; closing these jobs leaves it open
   * @param kinds the allow-list of job kinds; jobs of other kinds are refused on submit
   */
  public static Builder builder(JdbcJobStore store, JobKinds kinds) {
    return new Builder(Objects.requireNonNull(store, "store"), Objects.requireNonNull(kinds, "kinds"));
  }

  /** The manager to serve the job endpoints with and to submit jobs to. */
  public JobManager jobManager() {
    return manager;
  }

  /** The configuration these jobs run with. */
  public DurableJobsConfig config() {
    return config;
  }

  /**
   * Drains: refuses new jobs at once, gives running jobs {@code drainGrace} to finish, then re-queues
   * what is left (it runs on the next start or on another replica) and stops the workers. Closes the
   * store only if {@link #fromEnvironment} opened it.
   */
  @Override
  public void close() {
    manager.close();
    log.info("Draining durable jobs on replica {}: up to {} for running jobs to finish", config.replicaId(),
        config.drainGrace());
    List<String> requeued;
    try {
      requeued = workers.drain(config.drainGrace());
    } finally {
      telemetry.close();
      if (ownsStore) {
        store.close();
      }
    }
    if (requeued.isEmpty()) {
      log.info("Durable jobs drained on replica {}: nothing left running", config.replicaId());
    } else {
      log.warn("Durable jobs drained on replica {}: {} still running after {} re-queued: {}", config.replicaId(),
          requeued.size(), config.drainGrace(), requeued);
    }
  }

  /** Builds {@link DurableJobs}; not thread-safe. */
  public static final class Builder {
    private final JdbcJobStore store;
    private final JobKinds kinds;
    private DurableJobsConfig config = DurableJobsConfig.defaults();
    private JobManagerConfig managerConfig = JobManagerConfig.defaults();
    private SognoJson json = SognoJson.defaults();
    private final List<JobListener> listeners = new ArrayList<>();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private boolean ownsStore;

    private Builder(JdbcJobStore store, JobKinds kinds) {
      this.store = store;
      this.kinds = kinds;
    }

    /** Workers, leases, attempts, drain; default {@link DurableJobsConfig#defaults()}. */
    public Builder config(DurableJobsConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The job manager's settings (ttl, paths, owner scoping, retry hints); its {@code workers} and
     * {@code queueCapacity} do not apply — {@link DurableJobsConfig#workers()} bounds what runs, the
     * database what waits.
     */
    public Builder managerConfig(JobManagerConfig managerConfig) {
      this.managerConfig = Objects.requireNonNull(managerConfig, "managerConfig");
      return this;
    }

    /** How requests and results are written as JSON; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Adds a listener of state changes and progress (of the jobs this replica changes). */
    public Builder listener(JobListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where job metrics and spans are recorded (see {@link JobTelemetry}); default none. The trace
     * context current at submission is stored with the job, so its run — after a restart or on another
     * replica — is a span linked to the submitting request's. {@code sogno.jobs.queued} counts the
     * queued jobs in the store (all replicas), {@code sogno.jobs.running} this replica's.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /**
     * Recovers interrupted jobs, starts the workers and returns the running jobs.
     *
     * @throws JobStoreUnavailableException if the database cannot be reached
     */
    public DurableJobs start() {
      return new DurableJobs(this);
    }
  }
}
