package org.lfenergy.sogno.samples.powerflow;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.lfenergy.sogno.sdk.async.kafka.JobEventPublisher;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The power-flow sample service: an HTTP server (Javalin on Jetty) whose {@code POST /v1/powerflows}
 * runs an AC power flow as an asynchronous job of the SDK's {@link JobManager}.
 *
 * <pre>{@code
 * ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
 *     "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true"));
 * try (PowerFlowService service = PowerFlowService.start(config)) {
 *   URI base = service.baseUri(); // http://localhost:<port>
 * }
 * }</pre>
 *
 * <p>With {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} set, every job state change is also published to
 * Kafka as CloudEvents. {@link #main} reads {@link ServiceConfig} from the environment
 * and stops gracefully on SIGTERM: readiness turns {@code down} first, requests in flight get up to
 * {@code SOGNO_SHUTDOWN_GRACE} to finish, then queued jobs are cancelled and running ones
 * interrupted. Thread-safe.
 */
public final class PowerFlowService implements AutoCloseable {
  /** {@code ce_source} of the job events. */
  static final URI EVENT_SOURCE = URI.create("/sogno/powerflow");
  private static final Logger log = LoggerFactory.getLogger(PowerFlowService.class);

  private final Javalin server;
  private final JobManager jobs;
  private final EventPublisher events;
  private final AtomicBoolean ready;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PowerFlowService(Javalin server, JobManager jobs, EventPublisher events,
      AtomicBoolean ready) {
    this.server = server;
    this.jobs = jobs;
    this.events = events;
    this.ready = ready;
  }

  /** Starts listening; throws if the port cannot be bound. */
  public static PowerFlowService start(ServiceConfig config) {
    SognoJson json = SognoJson.defaults();
    EventPublisher events = config.kafka() == null ? null
        : EventPublisher.builder().kafka(config.kafka()).source(EVENT_SOURCE).json(json).build();
    JobManager.Builder manager = JobManager.builder()
        .config(JobManagerConfig.builder()
            .workers(config.workers())
            .queueCapacity(config.queueCapacity())
            .ttl(config.jobTtl())
            .build())
        .json(json);
    if (events != null) {
      manager.listener(JobEventPublisher.create(events));
    }
    JobManager jobs = manager.build();
    TrustedProxies proxies = config.trustedProxies().isEmpty() ? TrustedProxies.none()
        : TrustedProxies.of(config.trustedProxies().toArray(String[]::new));
    AtomicBoolean ready = new AtomicBoolean();
    if (config.auth().isDisabled()) {
      log.warn("SOGNO_AUTH_DISABLED=true: requests are not authenticated; never run like this in"
          + " a shared environment");
    }
    HttpApi api = new HttpApi(JobEndpoints.of(jobs, proxies, json), json, ready,
        BearerAuthenticator.of(config.auth()));
    AtomicReference<Server> jettyServer = new AtomicReference<>();
    Javalin server = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      javalin.http.maxRequestSize = config.maxRequestBytes();
      javalin.http.prefer405over404 = true;
      javalin.jetty.modifyServer(jetty -> {
        jetty.insertHandler(new GracefulHandler());
        jetty.setStopTimeout(config.shutdownGrace().toMillis());
        jetty.setStopAtShutdown(false); // our shutdown hook orders the steps
        jettyServer.set(jetty);
      });
      api.register(javalin.routes);
    });
    try {
      server.start(config.host(), config.port());
    } catch (RuntimeException e) {
      closeJobsAndEvents(jobs, events);
      throw e;
    }
    closeIdleConnectionsEarlyOnShutdown(jettyServer.get(), config.shutdownGrace());
    ready.set(true);
    log.info("power-flow service listening on {}:{}{}", config.host(), server.port(),
        events == null ? " (no job events: SOGNO_KAFKA_BOOTSTRAP_SERVERS is not set)"
            : ", job events to " + config.kafka().bootstrapServers());
    return new PowerFlowService(server, jobs, events, ready);
  }

  /**
   * On shutdown Jetty's connectors lower every connection's idle timeout to their shutdown idle
   * timeout (1 s by default) and count as shut down only when all connections are closed; idle
   * keep-alive connections, the normal case behind a reverse proxy, therefore held shutdown up for
   * that second, and with a grace period of 1 s or less made it fail with a
   * {@code TimeoutException}. A quarter of the grace period (at most 1 s) closes them well before
   * the grace period ends. The idle timeout counts inactivity, so a request in flight whose handler
   * is working is not affected; one whose client stays silent that long mid-body is cut off.
   */
  private static void closeIdleConnectionsEarlyOnShutdown(Server jetty, Duration grace) {
    long idleMillis = Math.max(1, Math.min(1_000, grace.toMillis() / 4));
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof AbstractConnector abstractConnector) {
        abstractConnector.setShutdownIdleTimeout(idleMillis);
      }
    }
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
   * grace period), then the job manager closed and pending job events flushed. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ready.set(false);
    try {
      server.stop();
    } finally {
      closeJobsAndEvents(jobs, events);
      log.info("power-flow service stopped");
    }
  }

  /** Closes the job manager, then the event publisher so the last state changes are sent. */
  private static void closeJobsAndEvents(JobManager jobs, EventPublisher events) {
    try {
      jobs.close();
    } finally {
      if (events != null) {
        events.close(Duration.ofSeconds(10));
      }
    }
  }

  /** Runs the service until the process is asked to stop. */
  public static void main(String[] args) {
    PowerFlowService service = start(ServiceConfig.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "powerflow-shutdown"));
  }
}
