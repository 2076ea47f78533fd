package org.lfenergy.sogno.sdk.conformance.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.conformance.testing.SampleService;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * The services the command line is run against: the sample power-flow spec served by sdk-server (it
 * conforms), and a service that answers every error as {@code application/json} (it does not).
 */
final class Services {
  static final Path BASEDIR = Path.of(System.getProperty("sogno.conformance.cli.basedir", "."));
  static final Path SAMPLE_SPEC = SampleService.spec(BASEDIR);

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
    return SampleService.withoutSecurity(SAMPLE_SPEC, dir.resolve("powerflow.yaml"));
  }

  /** {@code spec} served by sdk-server with the sample's one operation (a job with a fixed result). */
  static Running sample(Path spec) {
    JobManager jobs = JobManager.builder().build();
    JdkServer server = JdkServer.start(
        SampleService.server(spec, ServerConfig.builder().host("127.0.0.1").port(0).build(), jobs));
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
