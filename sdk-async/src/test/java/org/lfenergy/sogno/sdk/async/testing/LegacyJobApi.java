package org.lfenergy.sogno.sdk.async.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * A loopback imitation of a legacy job API, scripted per request: each {@code on(…)} adds the next
 * answer to {@code METHOD path}; the last answer of a route repeats. Unscripted routes answer {@code
 * 404} with the {@code {"code":…,"message":…}} error body the platform's Python services use. Records
 * every request as {@code "METHOD path"}.
 */
public final class LegacyJobApi implements AutoCloseable {
  private record Answer(int status, String contentType, String body, Map<String, String> headers) {}

  /** Polls every 20 ms without long polls, for at most a minute: quick tests of many polls. */
  public static final PollingConfig FAST_POLLING = PollingConfig.builder()
      .longPollWait(Duration.ZERO)
      .backoff(Backoff.builder().initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(20)).multiplier(1).jitter(0)
          .maxAttempts(Integer.MAX_VALUE).maxTotalTime(Duration.ofMinutes(1)).build())
      .build();

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private LegacyJobApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::answer);
    server.start();
  }

  public static LegacyJobApi start() throws IOException {
    return new LegacyJobApi();
  }

  /** Adds the next JSON answer of {@code method path}. */
  public LegacyJobApi on(String method, String path, int status, String json) {
    return on(method, path, status, "application/json", json, Map.of());
  }

  /** Adds the next answer of {@code method path}, with headers. */
  public LegacyJobApi on(String method, String path, int status, String contentType, String body, Map<String, String> headers) {
    answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).add(new Answer(status, contentType, body, headers));
    return this;
  }

  /** A client of this API. */
  public SognoClient client() {
    return SognoClient.builder().baseUrl(baseUrl().toString()).build();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
  }

  /** How many requests {@code "METHOD path"} received. */
  public long count(String methodAndPath) {
    return requests.stream().filter(methodAndPath::equals).count();
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
      requests.add(route);
      Answer answer = next(route);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private Answer next(String route) {
    Deque<Answer> scripted = answers.get(route);
    if (scripted == null) {
      return new Answer(404, "application/json", "{\"code\":404,\"message\":\"not found: " + route + "\"}", Map.of());
    }
    synchronized (scripted) {
      return scripted.size() > 1 ? scripted.poll() : scripted.peek();
    }
  }
}
