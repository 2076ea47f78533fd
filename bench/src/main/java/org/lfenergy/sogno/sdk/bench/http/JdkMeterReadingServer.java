package org.lfenergy.sogno.sdk.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lfenergy.sogno.sdk.bench.http.MeterReadingAnswers.Answer;

/**
 * {@link MeterReadingServer} on the JDK's {@code HttpServer}: its dispatcher thread reads the request
 * line and headers, then hands the exchange to one of two handler threads.
 */
final class JdkMeterReadingServer implements MeterReadingServer {
  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
    // ACK: every small exchange then waits ~40 ms, and the server, not the client, is measured.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService handlers;

  private JdkMeterReadingServer(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  static JdkMeterReadingServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "bench-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(handlers);
    server.createContext("/api/meters/", JdkMeterReadingServer::handle);
    server.start();
    return new JdkMeterReadingServer(server, handlers);
  }

  @Override
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
      Answer answer = MeterReadingAnswers.answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      exchange.getResponseBody().write(answer.body());
    }
  }
}
