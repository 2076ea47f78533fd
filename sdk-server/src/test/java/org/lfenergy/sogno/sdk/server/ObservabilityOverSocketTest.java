package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.ServerErrorException;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * Server spans and metrics on both adapters, with an SDK client as the caller: the client's span and
 * the server's are one trace, the server's the child.
 */
class ObservabilityOverSocketTest extends BothAdapters {
  private static final String THING = "00000000-0000-4000-8000-000000000001";

  private final RecordedTelemetry recorded = new RecordedTelemetry();
  private final InMemorySpanExporter spans = recorded.spans;
  private final SimpleMeterRegistry registry = recorded.registry;
  private final ObservabilityConfig observability = recorded.observability;

  @Override
  SognoServer server() {
    return service.builder(config()).observability(observability).build();
  }

  @BeforeEach
  void forget() {
    spans.reset();
    registry.clear();
    service.duringGetThing = () -> {};
  }

  @AfterAll
  void closeOpenTelemetry() {
    recorded.close();
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aClientCallAndTheRequestItReachesAreOneTraceWithTheServerSpanAsTheChild(Adapter adapter) {
    try (SognoClient client = client(adapter)) {
      client.execute(ApiRequest.builder("GET", "/v1/things/{thingId}").pathParam("thingId", THING).build(),
          ResponseReader.discarding());
    }

    await().until(() -> spans.getFinishedSpanItems().size() == 2);
    SpanData clientSpan = span(SpanKind.CLIENT);
    SpanData serverSpan = span(SpanKind.SERVER);
    assertThat(serverSpan.getTraceId()).isEqualTo(clientSpan.getTraceId());
    assertThat(serverSpan.getParentSpanId()).isEqualTo(clientSpan.getSpanId());
    assertThat(serverSpan.getParentSpanContext().isRemote()).isTrue();
    assertThat(serverSpan.getName()).isEqualTo("GET /v1/things/{thingId}");
    assertThat(serverSpan.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/v1/things/{thingId}");
    assertThat(serverSpan.getAttributes().get(AttributeKey.stringKey("sogno.operation"))).isEqualTo("getThing");
    assertThat(serverSpan.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200);
    assertThat(serverSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void theServerSpanIsCurrentInTheHandlerSoItsCallsAreChildren(Adapter adapter) {
    AtomicReference<SpanContext> current = new AtomicReference<>();
    try (SognoClient client = client(adapter)) {
      service.duringGetThing = () -> {
        current.set(Span.current().getSpanContext());
        client.execute(ApiRequest.builder("GET", "/v1/things").build(), ResponseReader.discarding());
      };
      client.execute(ApiRequest.builder("GET", "/v1/things/{thingId}").pathParam("thingId", THING).build(),
          ResponseReader.discarding());
    }

    await().until(() -> spans.getFinishedSpanItems().size() == 4);
    SpanData outer = named("GET /v1/things/{thingId}", SpanKind.SERVER);
    SpanData nestedCall = named("GET /v1/things", SpanKind.CLIENT);
    SpanData nestedRequest = named("GET /v1/things", SpanKind.SERVER);
    assertThat(current.get().getSpanId()).isEqualTo(outer.getSpanId());
    assertThat(nestedCall.getParentSpanId()).isEqualTo(outer.getSpanId());
    assertThat(nestedRequest.getParentSpanId()).isEqualTo(nestedCall.getSpanId());
    assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getTraceId).containsOnly(outer.getTraceId());
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aRequestWithoutTraceparentStartsATraceAndA5xxIsAnErrorSpan(Adapter adapter) {
    assertThat(http(adapter).get("/v1/things/broken").statusCode()).isEqualTo(500);

    await().until(() -> spans.getFinishedSpanItems().size() == 1);
    SpanData serverSpan = span(SpanKind.SERVER);
    assertThat(serverSpan.getParentSpanContext().isValid()).isFalse();
    assertThat(serverSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(serverSpan.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("500");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void requestsAreTimedByOperationMethodAndStatus(Adapter adapter) {
    try (SognoClient client = client(adapter)) {
      client.execute(ApiRequest.builder("GET", "/v1/things/{thingId}").pathParam("thingId", THING).build(),
          ResponseReader.discarding());
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/things/broken").build(),
          ResponseReader.discarding())).isInstanceOf(ServerErrorException.class);
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/nothing").build(),
          ResponseReader.discarding())).isInstanceOf(NotFoundException.class);
    }

    await().until(() -> registry.find("sogno.http.server.requests").timers().size() == 3);
    assertThat(timerCount("operation", "getThing", "method", "GET", "status", "200", "outcome", "success")).isEqualTo(1);
    assertThat(timerCount("operation", "breakThing", "status", "500", "outcome", "server_error")).isEqualTo(1);
    assertThat(timerCount("operation", "unmatched", "status", "404", "outcome", "client_error")).isEqualTo(1);
  }

  private long timerCount(String... tags) {
    return registry.get("sogno.http.server.requests").tags(tags).timer().count();
  }

  private SognoClient client(Adapter adapter) {
    return SognoClient.builder().baseUrl(baseUri(adapter)).retry(RetryConfig.disabled())
        .observability(observability).build();
  }

  private SpanData named(String name, SpanKind kind) {
    return spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == kind && span.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " span " + name + ": " + spans
            .getFinishedSpanItems()));
  }

  private SpanData span(SpanKind kind) {
    List<SpanData> ofKind = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == kind).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.get(0);
  }
}
