package ${package};

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import ${package}.contract.server.CalculationsHandler;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ${serviceName} service: the SOGNO SDK's spec-first server runtime on Javalin, serving
 * {@code openapi.yaml}. {@link Calculations} implements the interface generated from the spec; the
 * runtime routes, validates every request against the spec, answers problems, runs the jobs on a
 * {@link JobManager} and serves the job paths, health probes, {@code /openapi.yaml} and {@code /docs}.
 *
 * <pre>{@code
 * try (Service service = Service.start(ServerConfig.builder().port(0).build())) {
 *   URI base = service.baseUri();
 * }
 * }</pre>
 *
 * <p>{@link #main} reads {@code SOGNO_HTTP_PORT} (default 8080) and the other {@code SOGNO_*}
 * variables of {@link ServerConfig#fromEnvironment}, and stops gracefully on SIGTERM. Thread-safe.
 */
public final class Service implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private final JavalinServer server;
  private final JobManager jobs;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Service(JavalinServer server, JobManager jobs) {
    this.server = server;
    this.jobs = jobs;
  }

  /** Starts listening as {@code config} says; throws if the spec does not load or the port cannot be bound. */
  public static Service start(ServerConfig config) {
    JobManager jobs = JobManager.builder().build();
    try {
      SognoServer.Builder runtime = SognoServer.builder().specResource("openapi.yaml").config(config).jobs(jobs);
      CalculationsHandler.register(runtime, new Calculations());
      JavalinServer server = JavalinServer.start(runtime.build());
      log.info("${serviceName} listening on http://{}:{}/ (API docs at /docs)", config.host(), server.port());
      return new Service(server, jobs);
    } catch (RuntimeException e) {
      jobs.close();
      throw e;
    }
  }

  /** {@code http://localhost:<port>}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** Readiness down, requests in flight finished, then jobs stopped. Idempotent. */
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

  public static void main(String[] args) {
    Service service = start(ServerConfig.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "${serviceName}-shutdown"));
  }
}
