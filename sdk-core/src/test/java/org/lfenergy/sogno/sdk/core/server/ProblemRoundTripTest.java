package org.lfenergy.sogno.sdk.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.TooManyRequestsException;
import org.lfenergy.sogno.sdk.core.UnprocessableEntityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the server side renders, the client side reads back as the matching typed exception. */
class ProblemRoundTripTest {
  private HttpServer server;
  private SognoClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/limited", exchange -> send(exchange, Problems.rateLimited(Duration.ofSeconds(7))));
    server.createContext("/invalid", exchange -> send(exchange, Problems.validationFailed(
        List.of(Problem.FieldError.of("#/voltage", "must be positive")))));
    server.createContext("/boom", exchange -> send(exchange, ExceptionProblemMapper.defaults()
        .toResponse(new IllegalStateException("internal"), exchange.getRequestHeaders().getFirst("X-Request-ID"))));
    server.start();
    client = SognoClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void rateLimitedBecomesTooManyRequestsWithRetryAfter() {
    assertThatThrownBy(() -> call("/limited"))
        .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
          assertThat(e.problem().code()).isEqualTo("rate-limited");
        });
  }

  @Test
  void validationFailedKeepsItsPointers() {
    assertThatThrownBy(() -> call("/invalid"))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.problem().errors()).containsExactly(Problem.FieldError.of("#/voltage", "must be positive")));
  }

  @Test
  void anInternalErrorEchoesTheClientsRequestId() {
    assertThatThrownBy(() -> call("/boom"))
        .isInstanceOfSatisfying(org.lfenergy.sogno.sdk.core.ServerErrorException.class,
            e -> assertThat(e.problem().requestId()).isEqualTo(e.requestId()).isNotBlank());
  }

  private void call(String path) {
    client.execute(ApiRequest.builder("GET", path).build(), ResponseReader.discarding());
  }

  private static void send(HttpExchange exchange, ProblemResponse response) throws IOException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
