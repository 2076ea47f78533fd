package org.lfenergy.sogno.sdk.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback keep-alive HTTP/1.1 server all HTTP benchmarks call: the JDK's {@code HttpServer}
 * answering the benchmark spec's four operations with the fixed bytes of {@link Payloads}, so every
 * client gets identical responses. It reads each request body to the end (as a real service would) and
 * does nothing else, so the clients dominate the cost.
 */
public final class MeterReadingServer implements AutoCloseable {
  private static final String JSON = "application/json";

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
    // ACK: every small exchange then waits ~40 ms, and the server, not the client, is measured.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService handlers;

  private MeterReadingServer(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts a server on an ephemeral loopback port. */
  public static MeterReadingServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "bench-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(handlers);
    server.createContext("/api/meters/", MeterReadingServer::handle);
    server.start();
    return new MeterReadingServer(server, handlers);
  }

  /** The base URL of the spec's server, e.g. {@code http://127.0.0.1:41234/api/meters}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/api/meters";
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if ("GET".equals(method) && path.endsWith("/latest-reading")) {
        send(exchange, 200, Payloads.SMALL);
      } else if ("GET".equals(method) && path.endsWith("/series")) {
        send(exchange, 200, Payloads.LARGE);
      } else if ("POST".equals(method) && (path.endsWith("/v1/readings") || path.endsWith("/v1/series"))) {
        send(exchange, 201, Payloads.RECEIPT);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] problem = ("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"" + method + " " + path + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, problem.length);
        exchange.getResponseBody().write(problem);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, json.length);
    exchange.getResponseBody().write(json);
  }
}
