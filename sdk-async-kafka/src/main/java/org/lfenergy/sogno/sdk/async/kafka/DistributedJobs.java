package org.lfenergy.sogno.sdk.async.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.internal.ClientProperties;
import org.lfenergy.sogno.sdk.async.kafka.internal.MessageTracing;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;
import org.lfenergy.sogno.sdk.async.kafka.internal.JobRunner;
import org.lfenergy.sogno.sdk.async.kafka.internal.KafkaJobDispatcher;
import org.lfenergy.sogno.sdk.async.kafka.internal.KafkaJobStore;
import org.lfenergy.sogno.sdk.async.kafka.internal.ShareGroupSetup;
import org.lfenergy.sogno.sdk.async.kafka.internal.ShareWorker;
import org.lfenergy.sogno.sdk.async.kafka.internal.Transitions;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * One replica's part of distributed job execution on Kafka: a {@link JobManager} with the same API as
 * the in-memory one, whose jobs go to a request topic and run on whichever replica's worker takes
 * them through a Kafka share group, and whose job state lives in a compacted topic every replica reads.
 *
 * <pre>{@code
 * DistributedJobs jobs = DistributedJobs.builder()
 *     .kafka(KafkaConfig.fromEnvironment())
 *     .kinds(kinds)
 *     .config(DistributedJobsConfig.builder().workers(4).build())
 *     .listener(JobEventPublisher.create(publisher))
 *     .start();
 * JobEndpoints endpoints = JobEndpoints.of(jobs.jobManager());
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Work runs at least once.</b> A worker that dies, hangs past its acquisition lock or loses its
 *       connection has its delivery handed to another worker, so a handler may run again for the same
 *       job: its effects must tolerate that.
 *   <li><b>The outcome is recorded once.</b> The first terminal state in the state topic's merge order
 *       wins on every replica; a later run finds the job terminal and is acknowledged without a second
 *       result. Job events may repeat ({@code running} after a redelivery) and are ordered per job.
 *   <li><b>Reads reflect acknowledged writes</b> on every replica: a read of an unfinished job first
 *       catches up with the state topic, waiting at most {@code visibilityWait}.
 *   <li>Idempotency keys are unique at once on one replica, across replicas once the first job is
 *       visible there.
 * </ul>
 *
 * <p>Failure behaviour: Kafka unreachable when a job is accepted or cancelled → {@link
 * JobStateUnavailableException} within {@code writeTimeout}, which {@code JobEndpoints} answers with
 * {@code 503 job-state-unavailable}; a request that cannot be written fails the job
 * ({@code job-dispatch-failed}) and refuses the submission as {@code queue-full}. A handler throwing
 * {@link RetryableJobException} is released for another delivery, and at the share group's delivery
 * limit the job fails with {@code job-delivery-limit-reached}; any other exception fails the job as
 * {@link JobManager} does (a {@code JobFailureException}'s problem, else a generic {@code job-failed}).
 * A job whose worker vanished is failed by the sweeper ({@code job-worker-lost}), and a
 * result over the topic's record limit fails it ({@code job-result-too-large}): nothing stays
 * {@code running} for ever.
 *
 * <p>Thread-safe. {@link #close()} stops the workers (a job still running is released to another
 * replica by its consumer's close), then the manager and the Kafka clients.
 */
public final class DistributedJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DistributedJobs.class);

  private final DistributedJobsConfig config;
  private final KafkaJobStore store;
  private final JobRunner runner;
  private final KafkaJobDispatcher dispatcher;
  private final JobManager manager;
  private final List<ShareWorker> workers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService sweeper;
  private final Clock clock;
  private final JobTelemetry telemetry;

  private DistributedJobs(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    if (b.provision) {
      ShareGroupSetup.apply(b.settings, config);
    }
    this.store = new KafkaJobStore(b.settings, config, b.json, clock);
    this.runner = new JobRunner(store, b.listeners, b.json, clock, b.managerConfig.ttl(), config.lockDuration(),
        config.deliveryLimit());
    MessageTracing tracing = MessageTracing.of(b.observability);
    this.telemetry = JobTelemetry.of(b.observability);
    this.dispatcher = new KafkaJobDispatcher(b.settings, config, b.kinds, runner, store, b.json, tracing);
    JobManager.Builder manager = JobManager.builder().config(b.managerConfig).store(store).dispatcher(dispatcher)
        .json(b.json).clock(clock).observability(b.observability);
    b.listeners.forEach(manager::listener);
    this.manager = manager.build();
    for (int i = 1, first = 0; first < config.workers(); i++, first += config.fetchBatch()) {
      String name = config.replicaId() + "/worker-" + i;
      int slots = Math.min(config.fetchBatch(), config.workers() - first);
      workers.add(new ShareWorker(name,
          ClientProperties.shareConsumer(b.settings, config.shareGroup(), "sogno-jobs-" + config.replicaId() + "-" + i,
              config.lockDuration().multipliedBy(2), slots),
          config.requestTopic(), b.kinds, runner, b.json, config.heartbeatInterval(), b.managerConfig.interruptOnCancel(),
          config.shareGroup(), tracing, telemetry));
    }
    this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sogno-jobs-sweeper-" + config.replicaId());
      thread.setDaemon(true);
      return thread;
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The job manager of this replica; same API as the in-memory one. Closed by {@link #close()}. */
  public JobManager jobManager() {
    return manager;
  }

  public DistributedJobsConfig config() {
    return config;
  }

  private DistributedJobs start(Duration timeout) {
    store.start(timeout);
    for (ShareWorker worker : workers) {
      Thread thread = new Thread(worker, "sogno-jobs-" + config.replicaId() + "-worker-" + (threads.size() + 1));
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    telemetry.gauges(store::waiting, () -> workers.stream().mapToInt(ShareWorker::busy).sum());
    long period = config.heartbeatInterval().toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    log.info("Distributed jobs replica {} started: {} workers in share group {}", config.replicaId(),
        config.workers(), config.shareGroup());
    return this;
  }

  /**
   * Fails running jobs whose last delivery was the final one and whose lease ran out a whole lock
   * duration ago: the broker archived their request, so no worker will take them again. Fails running
   * jobs whose lease ran out 2 × deliveryLimit lock durations ago without a new claim (their worker
   * died and no other took the request). Also forgets expired jobs.
   */
  private void sweep() {
    try {
      Instant deadline = clock.instant().minus(config.lockDuration());
      Instant workerLost = clock.instant().minus(config.lockDuration().multipliedBy(2L * config.deliveryLimit()));
      for (JobRecord record : store.snapshot()) {
        if (record.job().status().equals(JobStatus.RUNNING)
            && Transitions.attempt(record.job()) >= config.deliveryLimit()
            && Transitions.leaseExpiry(record.job()).map(deadline::isAfter).orElse(false)) {
          runner.fail(record.id(), runner.deliveryLimitReached(Transitions.attempt(record.job())));
        } else if (record.job().status().equals(JobStatus.RUNNING)
            && Transitions.leaseExpiry(record.job()).map(workerLost::isAfter).orElse(false)) {
          runner.fail(record.id(), JobRunner.problem("job-worker-lost", "Job worker lost",
              "No worker renewed the job's lease since " + Transitions.leaseExpiry(record.job()).get()));
        }
      }
      store.purgeExpired();
      dispatcher.forgetGone();
    } catch (RuntimeException e) {
      log.warn("Job sweep failed; next one in {}", config.heartbeatInterval(), e);
    }
  }

  /**
   * Simulates killing this replica's process (tests only): workers stop without acknowledging or
   * writing anything and their consumers are abandoned, so running jobs come back to the share group
   * only when their acquisition locks expire.
   */
  void crash() {
    telemetry.close();
    workers.forEach(ShareWorker::crash);
    sweeper.shutdownNow();
  }

  /** Releases what a {@link #crash()} abandoned (tests only). */
  void closeCrashed() {
    workers.forEach(ShareWorker::closeAbandoned);
    dispatcher.close();
    store.close();
  }

  @Override
  public void close() {
    telemetry.close();
    sweeper.shutdownNow();
    workers.forEach(ShareWorker::stop);
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    manager.close();
    dispatcher.close();
    store.close();
  }

  /** Builds and starts {@link DistributedJobs}; not thread-safe. */
  public static final class Builder {
    private KafkaConfig settings;
    private JobKinds kinds;
    private DistributedJobsConfig config = DistributedJobsConfig.defaults();
    private JobManagerConfig managerConfig = JobManagerConfig.defaults();
    private final List<JobListener> listeners = new ArrayList<>();
    private SognoJson json = SognoJson.defaults();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean provision = true;
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    public Builder kafka(KafkaConfig settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The job kinds this replica runs (the same on every replica). */
    public Builder kinds(JobKinds kinds) {
      this.kinds = Objects.requireNonNull(kinds, "kinds");
      return this;
    }

    public Builder config(DistributedJobsConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The job manager's settings ({@code ttl}, {@code jobsPath}, {@code ownerScoped}, …). */
    public Builder managerConfig(JobManagerConfig managerConfig) {
      this.managerConfig = Objects.requireNonNull(managerConfig, "managerConfig");
      return this;
    }

    /** Told of every state change this replica makes, whether accepting or running the job. */
    public Builder listener(JobListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * Where job metrics and spans are recorded, as for the in-memory {@link JobManager} (sdk-async's
     * {@code JobTelemetry}); default {@link ObservabilityConfig#defaults()} (none).
     *
     * <p>With a {@code MeterRegistry}: {@code sogno.jobs.duration} (kind, outcome) for each run on
     * this replica's workers, {@code sogno.jobs.refused} (kind, reason) for each submission this
     * replica refuses, and the gauges {@code sogno.jobs.running} (jobs running on this replica's
     * workers) and {@code sogno.jobs.queued} (jobs waiting for a worker on any replica, counted in
     * this replica's copy of the state topic: no broker call per scrape), removed by {@link #close()}.
     *
     * <p>With an OpenTelemetry: a job request carries the submitter's trace context ({@code
     * traceparent}, {@code tracestate} headers, and in the job's state record), and the worker that
     * takes it, on whichever replica, handles it under a {@code CONSUMER} span {@code <request topic>
     * process} continuing that trace, current while the job's state changes are told to the listeners
     * (so a {@link JobEventPublisher} publishes them in the job's trace). The run is a child {@code
     * job <kind>} span, the same as an in-process job's, current while the job's work runs.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether to create the topics and set the share group's configs at start; default true. */
    public Builder provision(boolean provision) {
      this.provision = provision;
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /**
     * Provisions (unless turned off), reads the job state and starts the workers.
     *
     * @throws org.lfenergy.sogno.sdk.core.SognoException if the broker refuses the share group's configs
     * @throws JobStateUnavailableException if the job state cannot be read within the start timeout
     */
    public DistributedJobs start() {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(kinds, "kinds");
      return new DistributedJobs(this).start(startTimeout);
    }
  }
}
