package org.lfenergy.sogno.samples.coredemo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * A stand-in platform service on a free loopback port, mounted under {@code /api/demo} as behind the
 * platform's reverse proxy. It uses the SDK's server-side problem builders for its errors.
 */
final class DemoServer implements AutoCloseable {
  static final String PREFIX = "/api/demo";

  private final HttpServer server;
  private final AtomicInteger flakyCalls = new AtomicInteger();

  DemoServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PREFIX + "/v1/grids/", this::grid);
    server.createContext(PREFIX + "/v1/flaky", this::flaky);
    server.createContext(PREFIX + "/v1/jobs/", this::job);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
  }

  int flakyCalls() {
    return flakyCalls.get();
  }

  /** {@code GET /v1/grids/{id}}: a small JSON resource. */
  private void grid(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring((PREFIX + "/v1/grids/").length());
    String json = "{\"id\":\"" + id + "\",\"name\":\"IEEE 14-bus\",\"buses\":14,\"nominalVoltageKv\":132.0,"
        + "\"updatedAt\":\"2026-11-27T08:30:00Z\",\"tags\":[\"benchmark\"]}";
    send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code GET /v1/flaky}: 503 with {@code Retry-After: 1} the first time, then 200. */
  private void flaky(HttpExchange exchange) throws IOException {
    if (flakyCalls.incrementAndGet() == 1) {
      sendProblem(exchange, Problems.queueFull(Duration.ofSeconds(1)));
    } else {
      send(exchange, 200, "application/json", "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code GET /v1/jobs/{id}}: no job exists, so always the {@code job-not-found} problem. */
  private void job(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring((PREFIX + "/v1/jobs/").length());
    sendProblem(exchange, Problems.notFound("job-not-found", "No job " + id + " (it may have expired).")
        .withRequestId(exchange.getRequestHeaders().getFirst("X-Request-ID")));
  }

  private static void sendProblem(HttpExchange exchange, ProblemResponse problem) throws IOException {
    problem.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    send(exchange, problem.status(), problem.contentType(), problem.body());
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
