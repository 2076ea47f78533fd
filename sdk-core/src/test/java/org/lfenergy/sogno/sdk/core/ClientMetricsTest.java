package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's Micrometer meters, read from a SimpleMeterRegistry after real calls over loopback. */
class ClientMetricsTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = RetryingClients.against(server, new RecordingSleeper())
        .circuitBreaker(CircuitBreakerConfig.builder().slidingWindowSize(4).minimumNumberOfCalls(4)
            .failureRateThreshold(50).build())
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build())
        .build();
  }

  @Test
  void callsAreTimedByOperationMethodStatusClassAndOutcome() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("1").build());
    server.enqueue(new MockResponse.Builder().code(404).build());
    client.execute(ApiRequest.builder("GET", "/v1/grids/{id}").pathParam("id", "a").build(),
        ResponseReader.json(Integer.class));
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("DELETE", "/v1/grids/{id}").pathParam("id", "b")
        .operation("deleteGrid").build(), ResponseReader.discarding())).isInstanceOf(NotFoundException.class);

    assertThat(registry.get("sogno.http.client.requests").tags("operation", "/v1/grids/{id}", "method", "GET",
        "status_class", "2xx", "outcome", "success").timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.http.client.requests").tags("operation", "deleteGrid", "method", "DELETE",
        "status_class", "4xx", "outcome", "client_error").timer().count()).isEqualTo(1);
  }

  @Test
  void aCallWithoutResponseHasStatusClassNoneAndTheFailureAsOutcome() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/grids").build(),
        ResponseReader.discarding())).isInstanceOf(TransportException.class);

    assertThat(registry.get("sogno.http.client.requests").tags("status_class", "none", "outcome", "transport_error")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("sogno.http.client.retries").tags("operation", "/v1/grids", "reason", "io_error")
        .counter().count()).isEqualTo(2);
  }

  @Test
  void retriesAreCountedByReason() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

    assertThat(registry.get("sogno.http.client.retries").tags("method", "GET", "reason", "http_503").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("sogno.http.client.retries").tags("reason", "http_502").counter().count()).isEqualTo(1);
    assertThat(registry.get("sogno.http.client.requests").tags("outcome", "success").timer().count()).isEqualTo(1);
  }

  @Test
  void theCircuitBreakerStateIsAGaugeAndItsTransitionsAreCounted() {
    SognoClient noRetries = client.newBuilder().retry(RetryConfig.disabled()).build();
    String breaker = server.getHostName() + ":" + server.getPort();
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
      assertThatThrownBy(() -> noRetries.execute(ApiRequest.builder("GET", "/v1/grids").build(),
          ResponseReader.discarding())).isInstanceOf(ServerErrorException.class);
    }
    assertThatThrownBy(() -> noRetries.execute(ApiRequest.builder("GET", "/v1/grids").build(),
        ResponseReader.discarding())).isInstanceOf(CircuitOpenException.class);

    assertThat(registry.get("sogno.http.client.circuit.state").tags("breaker", breaker, "state", "open").gauge()
        .value()).isEqualTo(1);
    assertThat(registry.get("sogno.http.client.circuit.state").tags("breaker", breaker, "state", "closed").gauge()
        .value()).isZero();
    assertThat(registry.get("sogno.http.client.circuit.transitions").tags("breaker", breaker, "from", "closed", "to",
        "open").counter().count()).isEqualTo(1);
    assertThat(registry.get("sogno.http.client.requests").tags("status_class", "none", "outcome", "circuit_open")
        .timer().count()).isEqualTo(1);
  }

  @Test
  void closingTheClientRemovesItsCircuitBreakerGaugesButKeepsTheTotals() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());
    assertThat(registry.find("sogno.http.client.circuit.state").gauges()).hasSize(6);

    client.close();

    assertThat(registry.find("sogno.http.client.circuit.state").gauges()).isEmpty();
    assertThat(registry.get("sogno.http.client.requests").timer().count()).isEqualTo(1);
  }

  @Test
  void aTimerRemovedFromTheRegistryIsRegisteredAgainOnTheNextCall() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());
    registry.remove(registry.get("sogno.http.client.requests").timer());

    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

    assertThat(registry.get("sogno.http.client.requests").timer().count()).isEqualTo(1);
  }

  @Test
  void withoutARegistryNothingIsRegistered() {
    SognoClient plain = client.newBuilder().observability(ObservabilityConfig.defaults()).build();
    server.enqueue(new MockResponse.Builder().code(204).build());

    plain.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

    assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
  }
}
