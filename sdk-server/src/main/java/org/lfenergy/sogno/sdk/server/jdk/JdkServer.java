package org.lfenergy.sogno.sdk.server.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link SognoServer} with the JDK's built-in {@code com.sun.net.httpserver} (no framework):
 * listens on the configured host and port, marks the server ready, and on {@link #close()} stops
 * gracefully: readiness down, requests arriving from then on get 503 {@code service-unavailable}
 * (connection closed), those in flight get up to {@link
 * org.lfenergy.sogno.sdk.server.ServerConfig#shutdownGrace()} to finish, then the server stops. (The
 * JDK 17 server's own {@code stop(delay)} always waits the whole delay, JDK-8304065, so the adapter
 * counts requests in flight itself.) Loopback clients want {@code -Dsun.net.httpserver.nodelay=true}.
 *
 * <p>Thread-safe; {@code close()} is idempotent.
 */
public final class JdkServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdkServer.class);

  private final SognoServer server;
  private final HttpServer http;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final InFlight inFlight;

  private JdkServer(SognoServer server, HttpServer http, ExecutorService executor, InFlight inFlight) {
    this.server = server;
    this.http = http;
    this.executor = executor;
    this.inFlight = inFlight;
  }

  /**
   * Binds and starts.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static JdkServer start(SognoServer server) {
    Objects.requireNonNull(server, "server");
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(server.config().host(), server.config().port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + server.config().host() + ":" + server.config().port(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
        task -> {
          Thread thread = new Thread(task, "sogno-http-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    http.setExecutor(executor);
    InFlight inFlight = new InFlight();
    http.createContext("/", exchange -> handle(server, exchange, inFlight));
    http.start();
    server.ready(true);
    JdkServer running = new JdkServer(server, http, executor, inFlight);
    log.info("Listening on {}:{}", server.config().host(), running.port());
    return running;
  }

  /** The port listened on (the chosen one when configured with 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://localhost:<port>}, for clients on this machine. */
  public URI baseUri() {
    return URI.create("http://localhost:" + port());
  }

  private static void handle(SognoServer server, HttpExchange exchange, InFlight inFlight) {
    if (!inFlight.enter()) {
      IncomingRequest.Builder refused = IncomingRequest.builder(exchange.getRequestMethod(), "/");
      exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> refused.header(name, value)));
      write(exchange, server.unavailable(refused.build()));
      return;
    }
    IncomingRequest request;
    try {
      request = toIncoming(exchange);
    } catch (RuntimeException e) { // e.g. a request target that is no path: the count must not leak
      inFlight.leave();
      write(exchange, new OutgoingResponse(400, Map.of("Connection", List.of("close")), new byte[0], true));
      return;
    }
    server.serve(request).thenAccept(response -> write(exchange, response))
        .whenComplete((done, failure) -> inFlight.leave());
  }

  private static IncomingRequest toIncoming(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    IncomingRequest.Builder request = IncomingRequest.builder(exchange.getRequestMethod(), path == null ? "" : path)
        .rawQuery(exchange.getRequestURI().getRawQuery())
        .remoteAddress(exchange.getRemoteAddress().getAddress())
        .principal(exchange.getPrincipal() == null ? null : exchange.getPrincipal().getUsername())
        .body(exchange.getRequestBody(), contentLength(exchange));
    exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return request.build();
  }

  private static long contentLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? (exchange.getRequestHeaders().containsKey("Transfer-Encoding") ? -1 : 0)
          : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void write(HttpExchange exchange, OutgoingResponse response) {
    try (exchange) {
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
      byte[] body = response.body();
      boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      log.debug("Could not answer {} (client gone?)", exchange.getRequestURI(), e);
    }
  }

  /** Stops gracefully (see the class comment). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.ready(false);
    boolean drained = inFlight.drain(server.config().shutdownGrace());
    if (!drained) {
      log.warn("Stopping with requests still in flight after the grace period of {}", server.config().shutdownGrace());
    }
    http.stop(0);
    executor.shutdownNow();
    log.info("Stopped listening on port {}", port());
  }
}
