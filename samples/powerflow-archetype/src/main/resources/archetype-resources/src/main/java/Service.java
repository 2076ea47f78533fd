package ${package};

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import ${package}.contract.model.CalculationRequest;
import ${package}.contract.server.CalculationsHandler;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ${serviceName} service: the SOGNO SDK's spec-first server runtime on Javalin, serving
 * {@code openapi.yaml}. {@link Calculations} implements the interface generated from the spec; the
 * runtime routes, authenticates as the spec's {@code security} says, validates every request against the
 * spec, answers problems, serves the job paths, health probes, {@code /openapi.yaml} and {@code /docs}.
 * {@code /metrics} serves the runtime's meters ({@code sogno_http_server_requests_seconds} by operation,
 * method, status, outcome; {@code sogno_jobs_*} of the durable jobs) in Prometheus' text format, without a token: keep it off the public ingress.
 * Jobs are durable ({@link DurableJobs}): accepted jobs survive a restart or a crash and run again.
 *
 * <pre>{@code
 * try (Service service = Service.start(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
 *     "SOGNO_AUTH_DISABLED", "true", "SOGNO_JOBS_DIR", "target/jobs"))) {
 *   URI base = service.baseUri();
 * }
 * }</pre>
 *
 * <p>{@link #main} reads the {@code SOGNO_*} variables (see README.md) and stops gracefully on SIGTERM.
 * Thread-safe.
 */
public final class Service implements AutoCloseable {
  /** A pause after each value the job adds (ISO-8601 duration, default none): makes jobs slow for demos and tests. */
  static final String PAUSE_VARIABLE = "CALCULATION_PAUSE_PER_VALUE";
  /** Where Prometheus scrapes the service's meters (not in the spec; no token needed). */
  static final String METRICS_PATH = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private final JavalinServer server;
  private final DurableJobs jobs;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Service(JavalinServer server, DurableJobs jobs) {
    this.server = server;
    this.jobs = jobs;
  }

  /**
   * Starts as {@code environment} says: {@code SOGNO_HTTP_*} and {@code SOGNO_AUTH_*} for the server,
   * {@code SOGNO_JOBS_*} for where jobs are kept. Throws {@link IllegalArgumentException} naming a bad
   * variable, {@link IllegalStateException} naming the {@code SOGNO_AUTH_*} variables when neither an
   * issuer nor development mode is configured, and if the port cannot be bound.
   */
  public static Service start(Map<String, String> environment) {
    ServerConfig config = ServerConfig.fromEnvironment(environment);
    Duration pause = pause(environment);
    JobKinds kinds = JobKinds.builder()
        .kind(CalculationJob.KIND, CalculationRequest.class, (request, context) -> new CalculationJob(request, pause).run(context))
        .build();
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ObservabilityConfig observability = ObservabilityConfig.builder().meterRegistry(metrics).build();
    DurableJobs jobs = DurableJobs.fromEnvironment(environment, kinds, JobManagerConfig.defaults(), observability);
    try {
      SognoServer.Builder runtime = SognoServer.builder().specResource("openapi.yaml").config(config)
          .observability(observability)
          .jobs(jobs.jobManager());
      CalculationsHandler.register(runtime, new Calculations(kinds));
      JavalinServer server = JavalinServer.start(runtime.build(), routes -> routes.get(METRICS_PATH,
          ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape())));
      log.info("${serviceName} listening on http://{}:{}/ (API docs at /docs)", config.host(), server.port());
      return new Service(server, jobs);
    } catch (RuntimeException e) {
      jobs.close();
      throw e;
    }
  }

  private static Duration pause(Map<String, String> environment) {
    String value = environment.get(PAUSE_VARIABLE);
    try {
      return value == null || value.isBlank() ? Duration.ZERO : Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(PAUSE_VARIABLE + " must be an ISO-8601 duration such as PT1S, was '" + value + "'", e);
    }
  }

  /** {@code http://localhost:<port>}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** Readiness down, requests in flight finished, then running jobs drained (what is left runs on the next start). Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.close();
    } finally {
      jobs.close();
    }
  }

  /** Runs the service until SIGTERM; exits with status 1, saying why, if it cannot start. */
  public static void main(String[] args) {
    Service service;
    try {
      service = start(System.getenv());
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        log.error("${serviceName} did not start: {}", e.getMessage()); // a bad variable or a taken port, named: no stack trace
      } else {
        log.error("${serviceName} did not start: {}", e.getMessage(), e);
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "${serviceName}-shutdown"));
  }
}
