package org.lfenergy.sogno.sdk.conformance.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.server.OperationResponse;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * The services the command line is run against: the sample power-flow spec served by sdk-server (it
 * conforms), and a service that answers every error as {@code application/json} (it does not).
 */
final class Services {
  static final Path BASEDIR = Path.of(System.getProperty("sogno.conformance.cli.basedir", "."));
  static final Path SAMPLE_SPEC = BASEDIR.resolve("../samples/powerflow-service/src/main/resources/openapi.yaml")
      .normalize();
  /** A {@code security:} member with its list, at any depth (document or operation). */
  private static final java.util.regex.Pattern SECURITY =
      java.util.regex.Pattern.compile("(?m)^( *)security:\n(?:\\1 +- .*\n)+");

  /** A running service; {@link #close()} stops it. */
  interface Running extends AutoCloseable {
    String url();

    @Override
    void close();
  }

  private Services() {
  }

  /**
   * The sample spec without its security requirements (document and operations), written to
   * {@code dir}: the services these tests start do not authenticate.
   */
  static Path sampleSpecWithoutSecurity(Path dir) {
    try {
      String spec = Files.readString(SAMPLE_SPEC);
      String open = SECURITY.matcher(spec).replaceAll("");
      if (open.equals(spec) || open.contains("security:")) {
        throw new IllegalStateException("The sample spec's security requirements moved: " + SAMPLE_SPEC);
      }
      return Files.writeString(dir.resolve("powerflow.yaml"), open);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code spec} served by sdk-server with the sample's one operation (a job with a fixed result). */
  static Running sample(Path spec) {
    JobManager jobs = JobManager.builder().build();
    JdkServer server = JdkServer.start(SognoServer.builder()
        .spec(spec)
        .config(ServerConfig.builder().host("127.0.0.1").port(0).build())
        .jobs(jobs)
        .handle("startPowerFlow", request -> OperationResponse.job("powerflow", context -> Map.of(
            "converged", true, "iterations", 2, "maxMismatchPu", 1.0e-9, "baseMva", 100.0,
            "buses", List.of(), "branches", List.of(), "losses", Map.of("mw", 0.0, "mvar", 0.0))))
        .build());
    return new Running() {
      @Override
      public String url() {
        return server.baseUri().toString();
      }

      @Override
      public void close() {
        server.close();
        jobs.close();
      }
    };
  }

  /** Health probes answer; every other request gets {@code 400 application/json {"error": …}}. */
  static Running jsonErrors() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        boolean health = exchange.getRequestURI().getPath().startsWith("/health/");
        byte[] body = (health ? "{\"status\":\"up\"}" : "{\"error\":\"bad request\"}").getBytes(StandardCharsets.UTF_8);
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        if (requestId != null) {
          exchange.getResponseHeaders().add("X-Request-ID", requestId);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(health ? 200 : 400, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    return new Running() {
      @Override
      public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
      }

      @Override
      public void close() {
        server.stop(0);
      }
    };
  }
}
