package ${package};

import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ${serviceName} service: an HTTP server (Javalin) whose {@code POST /v1/calculations} runs a
 * {@link CalculationJob} on the SDK's {@link JobManager}; jobs, health and problems follow the SOGNO
 * API guidelines.
 *
 * <pre>{@code
 * try (Service service = Service.start("127.0.0.1", 0)) {
 *   URI base = service.baseUri();
 * }
 * }</pre>
 *
 * <p>{@link #main} listens on {@code SOGNO_HTTP_PORT} (default 8080) and stops gracefully on SIGTERM.
 * Thread-safe.
 */
public final class Service implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private final Javalin server;
  private final JobManager jobs;
  private final AtomicBoolean ready;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Service(Javalin server, JobManager jobs, AtomicBoolean ready) {
    this.server = server;
    this.jobs = jobs;
    this.ready = ready;
  }

  /** Starts listening on {@code host:port} (0 = any free port); throws if it cannot bind. */
  public static Service start(String host, int port) {
    SognoJson json = SognoJson.defaults();
    JobManager jobs = JobManager.builder().json(json).build();
    AtomicBoolean ready = new AtomicBoolean();
    HttpApi api = new HttpApi(JobEndpoints.of(jobs, TrustedProxies.none(), json), json, ready);
    Javalin server = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      api.register(javalin.routes);
    });
    try {
      server.start(host, port);
    } catch (RuntimeException e) {
      jobs.close();
      throw e;
    }
    ready.set(true);
    log.info("${serviceName} listening on {}:{}", host, server.port());
    return new Service(server, jobs, ready);
  }

  /** {@code http://localhost:<port>}. */
  public URI baseUri() {
    return URI.create("http://localhost:" + server.port());
  }

  /** Readiness down, requests in flight finished, then jobs stopped. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ready.set(false);
    try {
      server.stop();
    } finally {
      jobs.close();
    }
  }

  public static void main(String[] args) {
    String port = System.getenv("SOGNO_HTTP_PORT");
    Service service = start("0.0.0.0", port == null || port.isBlank() ? 8080 : Integer.parseInt(port.trim()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "${serviceName}-shutdown"));
  }
}
