package org.lfenergy.sogno.sdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately non-conforming loopback service for {@code legacy-things.yaml}, on the JDK's
 * {@code HttpServer}: errors as {@code application/json} {@code {"error": …}} bodies, {@code 200}
 * with a finished job where the spec documents {@code 202} (and no {@code Preference-Applied}), a
 * wrong method answered {@code 404}, {@code X-Request-ID} echoed twice, and {@code 500} for a body
 * that is not JSON; every other invalid body is {@code 400}, an over-long {@code Idempotency-Key}
 * is accepted.
 */
final class LegacyThingsService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOB = "{\"id\":\"3f0c5d5e-8a53-4b1e-9c1a-2d7e8f9a0b1c\",\"status\":\"succeeded\","
      + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:01Z\","
      + "\"links\":{\"self\":{\"href\":\"/v1/jobs/3f0c5d5e-8a53-4b1e-9c1a-2d7e8f9a0b1c\"}}}";

  private final HttpServer server;
  /** The Authorization headers received, in order (null for none). */
  final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();

  LegacyThingsService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.startsWith("/health/") && method.equals("GET")) {
        answer(exchange, 200, "{\"status\":\"up\"}");
      } else if (path.equals("/v1/things") && method.equals("POST")) {
        createThing(exchange, body);
      } else {
        answer(exchange, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private void createThing(HttpExchange exchange, byte[] body) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      answer(exchange, 400, "{\"error\":\"expected JSON\"}");
      return;
    }
    JsonNode thing;
    try {
      thing = JSON.readTree(body);
    } catch (IOException e) {
      answer(exchange, 500, "{\"error\":\"java.lang.NullPointerException\"}");
      return;
    }
    JsonNode name = thing.path("name");
    JsonNode size = thing.path("size");
    JsonNode color = thing.path("color");
    boolean valid = thing.isObject() && name.isTextual() && !name.asText().isEmpty() && name.asText().length() <= 20
        && size.isInt() && size.asInt() >= 1 && size.asInt() <= 10
        && (color.isMissingNode() || color.isTextual() && color.asText().matches("red|green|blue"));
    if (valid) {
      answer(exchange, 200, JOB);
    } else {
      answer(exchange, 400, "{\"error\":\"invalid thing\"}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
    if (requestId != null) {
      exchange.getResponseHeaders().add("X-Request-ID", requestId);
      exchange.getResponseHeaders().add("X-Request-ID", requestId);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
