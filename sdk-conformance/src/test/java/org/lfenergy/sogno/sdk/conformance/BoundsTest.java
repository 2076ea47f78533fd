package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run stays within its bounds: the request budget, the base URL's origin, and no credentials in findings. */
class BoundsTest {

  @Test
  void stopsAtTheRequestBudget() throws IOException {
    try (LegacyThingsService service = new LegacyThingsService()) {
      ConformanceReport report = checker(service.baseUri().toString(), null,
          ConformanceConfig.builder().seed(1).requestBudget(5).build()).check();

      assertThat(report.requestsSent()).isEqualTo(5);
      assertThat(report.stoppedEarly()).hasValueSatisfying(reason -> assertThat(reason).contains("budget"));
      assertThat(report.summary()).contains("stopped early");
    }
  }

  @Test
  void sendsNothingAfterTheTimeLimit() throws IOException {
    try (LegacyThingsService service = new LegacyThingsService()) {
      ConformanceReport report = checker(service.baseUri().toString(), null,
          ConformanceConfig.builder().seed(1).timeLimit(java.time.Duration.ofNanos(1)).build()).check();

      assertThat(report.requestsSent()).isZero();
      assertThat(report.stoppedEarly()).hasValue("time limit reached");
    }
  }

  @Test
  void neverFollowsALocationToAnotherOrigin() throws IOException {
    AtomicInteger otherOriginHits = new AtomicInteger();
    HttpServer other = server(exchange -> otherOriginHits.incrementAndGet());
    String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort() + "/v1/jobs/1";
    HttpServer service = server(exchange -> {
      exchange.getResponseHeaders().add("Location", elsewhere);
      exchange.getResponseHeaders().add("Retry-After", "1");
    });
    try {
      ConformanceReport report = checker("http://127.0.0.1:" + service.getAddress().getPort(), null,
          ConformanceConfig.builder().seed(2).validRequestsPerOperation(2).build()).check();

      assertThat(report.requestsSent()).isGreaterThan(10);
      assertThat(otherOriginHits).hasValue(0);
    } finally {
      service.stop(0);
      other.stop(0);
    }
  }

  @Test
  void findingsNeverCarryTheToken() throws IOException {
    try (LegacyThingsService service = new LegacyThingsService()) {
      ConformanceChecker checker = checker(service.baseUri().toString(), "s3cr3t-token",
          ConformanceConfig.builder().seed(4).validRequestsPerOperation(2).build());
      ConformanceReport report = checker.check();

      assertThat(report.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.format()).doesNotContain("s3cr3t"));
      assertThat(report.findings()).anySatisfy(
          f -> assertThat(f.curl()).contains("-H \"Authorization: Bearer $SOGNO_TOKEN\""));
      assertThat(checker.toString()).doesNotContain("s3cr3t");
    }
  }

  @Test
  void nothingAnsweringIsAnException() throws IOException {
    HttpServer closed = server(exchange -> { });
    String url = "http://127.0.0.1:" + closed.getAddress().getPort();
    closed.stop(0);

    assertThatThrownBy(() -> checker(url, null, ConformanceConfig.defaults()).check())
        .isInstanceOf(ConformanceException.class).hasMessageContaining(url);
  }

  private static ConformanceChecker checker(String url, String token, ConformanceConfig config) {
    return ConformanceChecker.builder().baseUrl(url).spec(NonConformingServiceTest.SPEC).bearerToken(token)
        .config(config).build();
  }

  /** A loopback server answering 202 with an empty JSON body after {@code decorate} saw the request. */
  private static HttpServer server(java.util.function.Consumer<com.sun.net.httpserver.HttpExchange> decorate)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        decorate.accept(exchange);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    return server;
  }
}
