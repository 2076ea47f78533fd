package org.lfenergy.sogno.samples.powerflow;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lfenergy.sogno.samples.powerflow.contract.server.PowerflowsHandler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.lfenergy.sogno.sdk.async.kafka.JobEventPublisher;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The power-flow sample service: the SDK's spec-first server runtime on Javalin (Jetty), serving
 * {@code openapi.yaml}. {@code POST /v1/powerflows} is implemented by {@link PowerFlows} (the interface
 * generated from the spec) and runs an AC power flow as an asynchronous job, kept in the durable job
 * store of sdk-async-jdbc ({@link DurableJobs}: the embedded H2 database in {@code SOGNO_JOBS_DIR}, or
 * PostgreSQL with {@code SOGNO_JOBS_JDBC_URL}), so an accepted job survives a restart or a crash and
 * runs again under the same id; the runtime routes, validates, answers problems, serves the job paths, the health probes,
 * {@code /openapi.yaml} and {@code /docs}; {@code /metrics} serves, in Prometheus' text format, the
 * meters of the runtime ({@code sogno_http_server_requests_seconds} by operation, method, status,
 * outcome), of the jobs ({@code sogno_jobs_*}) and of the job events ({@code sogno_messaging_*}). One
 * {@link ObservabilityConfig} serves all three, so with tracing a request, the job it starts and the
 * job's events are one trace. The runtime also authenticates: the spec's {@code security}
 * asks for a token with {@code powerflow.write} to start a power flow and {@code powerflow.read} (or
 * write) for the job paths, checked against the issuer {@code SOGNO_AUTH_*} configures.
 *
 * <pre>{@code
 * ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
 *     "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true",
 *     "SOGNO_JOBS_DIR", "target/jobs"));
 * try (PowerFlowService service = PowerFlowService.start(config)) {
 *   URI base = service.baseUri(); // http://localhost:<port>
 * }
 * }</pre>
 *
 * <p>With {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} set, every job state change is also published to
 * Kafka as CloudEvents. {@link #main} reads {@link ServiceConfig} from the environment
 * and stops gracefully on SIGTERM: readiness turns {@code down} first, requests in flight get up to
 * {@code SOGNO_SHUTDOWN_GRACE} to finish, then new jobs are refused ({@code 503} with {@code
 * Retry-After}), running ones get {@code SOGNO_JOBS_DRAIN_SECONDS} to finish, and what is left is
 * re-queued: it runs on the next start. Thread-safe.
 */
public final class PowerFlowService implements AutoCloseable {
  /** {@code ce_source} of the job events. */
  static final URI EVENT_SOURCE = URI.create("/sogno/powerflow");
  /** Where Prometheus scrapes the service's meters (not in the spec; no token needed). */
  static final String METRICS_PATH = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(PowerFlowService.class);

  private final JavalinServer server;
  private final DurableJobs jobs;
  private final JdbcJobStore store;
  private final EventPublisher events;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PowerFlowService(JavalinServer server, DurableJobs jobs, JdbcJobStore store, EventPublisher events) {
    this.server = server;
    this.jobs = jobs;
    this.store = store;
    this.events = events;
  }

  /**
   * Starts listening, traced by {@link GlobalOpenTelemetry#get()}: the Java agent's, or the SDK
   * installed globally before this call; no-op (no spans) when there is none. See {@link
   * #start(ServiceConfig, OpenTelemetry)}.
   */
  public static PowerFlowService start(ServiceConfig config) {
    return start(config, GlobalOpenTelemetry.get());
  }

  /**
   * Starts listening, with spans of the requests, the jobs and the job events sent to {@code
   * openTelemetry} ({@link OpenTelemetry#noop()} for none); the service never closes it. Throws if the
   * port cannot be bound, and {@link IllegalStateException} naming the {@code SOGNO_AUTH_*} variables
   * when neither an issuer nor development mode is configured.
   */
  public static PowerFlowService start(ServiceConfig config, OpenTelemetry openTelemetry) {
    SognoJson json = SognoJson.defaults();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ObservabilityConfig observability = ObservabilityConfig.builder()
        .meterRegistry(metrics)
        .openTelemetry(openTelemetry)
        .build();
    EventPublisher events = config.kafka() == null ? null : EventPublisher.builder()
        .kafka(config.kafka()).source(EVENT_SOURCE).json(json).observability(observability).build();
    JobKinds kinds = PowerFlowJob.kinds(config.iterationPause());
    JdbcJobStore store;
    DurableJobs jobs;
    try {
      store = config.jobStore().open();
    } catch (RuntimeException e) {
      closeEvents(events);
      throw e;
    }
    try {
      DurableJobs.Builder durable = DurableJobs.builder(store, kinds)
          .config(config.jobs())
          .managerConfig(JobManagerConfig.builder().ttl(config.jobTtl()).build())
          .json(json)
          .observability(observability);
      if (events != null) {
        durable.listener(JobEventPublisher.create(events));
      }
      jobs = durable.start();
    } catch (RuntimeException e) {
      closeStoreAndEvents(store, events);
      throw e;
    }
    JavalinServer server;
    try {
      SognoServer.Builder runtime = SognoServer.builder()
          .specResource("openapi.yaml")
          .config(ServerConfig.builder()
              .host(config.host())
              .port(config.port())
              .maxRequestBytes(config.maxRequestBytes())
              .trustedProxies(config.trustedProxies())
              .shutdownGrace(config.shutdownGrace())
              .auth(config.auth())
              .build())
          .json(json)
          .observability(observability)
          .jobs(jobs.jobManager());
      // snippet-start:register
      PowerflowsHandler.register(runtime, new PowerFlows(kinds, jobs.jobManager()));
      // snippet-end:register
      server = JavalinServer.start(runtime.build(), routes -> routes.get(METRICS_PATH,
          ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape())));
    } catch (RuntimeException e) {
      closeJobs(jobs, store, events);
      throw e;
    }
    log.info("power-flow service listening on http://{}:{}/ (API docs at /docs), jobs in {}{}", config.host(),
        server.port(), config.jobStore(), events == null
            ? " (no job events: SOGNO_KAFKA_BOOTSTRAP_SERVERS is not set)"
            : ", job events to " + config.kafka().bootstrapServers());
    return new PowerFlowService(server, jobs, store, events);
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int port() {
    return server.port();
  }

  /** {@code http://localhost:<port>}, for clients on this machine. */
  public URI baseUri() {
    return URI.create("http://localhost:" + port());
  }

  /**
   * Stops gracefully: readiness down, no new connections, requests in flight finished (up to the
   * grace period), then the jobs drained (new submissions refused, running jobs given {@code
   * SOGNO_JOBS_DRAIN_SECONDS} to finish, what is left re-queued for the next start), the job store
   * closed and pending job events flushed. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } finally {
      closeJobs(jobs, store, events);
      log.info("power-flow service stopped");
    }
  }

  /** Drains the jobs, then closes the store and the event publisher so the last state changes are sent. */
  private static void closeJobs(DurableJobs jobs, JdbcJobStore store, EventPublisher events) {
    try {
      jobs.close();
    } finally {
      closeStoreAndEvents(store, events);
    }
  }

  private static void closeStoreAndEvents(JdbcJobStore store, EventPublisher events) {
    try {
      store.close();
    } finally {
      closeEvents(events);
    }
  }

  private static void closeEvents(EventPublisher events) {
    if (events != null) {
      events.close(Duration.ofSeconds(10));
    }
  }

  /**
   * Runs the service until the process is asked to stop; exits with status 1 if it cannot start, saying
   * why in one line when a variable is bad or the port taken.
   */
  public static void main(String[] args) {
    PowerFlowService service;
    try {
      service = start(ServiceConfig.fromEnvironment(System.getenv()));
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        log.error("power-flow service did not start: {}", e.getMessage()); // a bad variable or a taken port, named: no stack trace
      } else {
        log.error("power-flow service did not start: {}", e.getMessage(), e);
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "powerflow-shutdown"));
  }
}
