package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The job a {@code 202} starts is followed: a job that leaves its terminal status, has not the job
 * shape, or never ends is reported, and so is a long poll answered without {@code Preference-Applied}.
 */
class JobChecksTest {
  private static final String JOB = "{\"id\":\"3f0c5d5e-8a53-4b1e-9c1a-2d7e8f9a0b1c\",\"status\":\"%s\","
      + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:01Z\","
      + "\"links\":{\"self\":{\"href\":\"/v1/jobs/1\"}}}";

  @Test
  void aJobLeavingItsTerminalStatusAndALongPollWithoutPreferenceAppliedAreFindings() throws IOException {
    AtomicInteger polls = new AtomicInteger();
    ConformanceReport report = check(exchange -> polls.incrementAndGet() == 1 ? "succeeded" : "running",
        JOB, true);

    assertThat(report.findings()).extracting(ConformanceFinding::check).as(report.format())
        .contains(ConformanceCheck.JOB_LIFECYCLE, ConformanceCheck.PREFER_WAIT_HONOURED)
        .doesNotContain(ConformanceCheck.JOB_RESOURCE, ConformanceCheck.JOB_ACCEPTED_HEADERS);
    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.JOB_LIFECYCLE)
        .anySatisfy(f -> {
          assertThat(f.expected()).isEqualTo("the terminal status succeeded kept");
          assertThat(f.actual()).isEqualTo("running");
          assertThat(f.curl()).contains("/v1/jobs/1");
        });
  }

  @Test
  void aJobWithoutTheJobShapeIsAFinding() throws IOException {
    ConformanceReport report = check(exchange -> "succeeded", "{\"status\":\"%s\"}", true);

    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.JOB_RESOURCE)
        .anySatisfy(f -> assertThat(f.actual()).contains("required property 'id'"));
  }

  @Test
  void aRunningJobWithoutRetryAfterIsAFinding() throws IOException {
    ConformanceReport report = check(exchange -> "running", JOB, false);

    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.JOB_LIFECYCLE)
        .anySatisfy(f -> assertThat(f.actual()).isEqualTo("200 without Retry-After"));
  }

  private interface Status {
    String of(HttpExchange exchange);
  }

  /** A service whose POST answers 202 with a job at /v1/jobs/1, polled as {@code jobBody} with {@code status}. */
  private static ConformanceReport check(Status status, String jobBody, boolean retryAfterOnPolls) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        if (requestId != null) {
          exchange.getResponseHeaders().add("X-Request-ID", requestId);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        String body;
        int code = 200;
        if (path.equals("/v1/jobs/1")) {
          body = String.format(jobBody, status.of(exchange));
          if (retryAfterOnPolls) {
            exchange.getResponseHeaders().add("Retry-After", "1");
          }
        } else if (path.equals("/v1/things") && exchange.getRequestMethod().equals("POST")) {
          code = 202;
          body = String.format(JOB, "queued");
          exchange.getResponseHeaders().add("Location", "/v1/jobs/1");
          exchange.getResponseHeaders().add("Retry-After", "1");
        } else {
          body = "{\"status\":\"up\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    try {
      return ConformanceChecker.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
          .spec(NonConformingServiceTest.SPEC)
          .config(ConformanceConfig.builder().seed(8).validRequestsPerOperation(1).build()).build().check();
    } finally {
      server.stop(0);
    }
  }
}
