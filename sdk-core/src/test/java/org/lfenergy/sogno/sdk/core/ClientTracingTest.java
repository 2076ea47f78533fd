package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.internal.CallHeadersInterceptor;

/** The client's spans, exported to memory by the OpenTelemetry SDK, for real calls over loopback. */
class ClientTracingTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = RetryingClients.against(server, sleeper)
        .observability(ObservabilityConfig.builder().openTelemetry(openTelemetry).build())
        .build();
  }

  @AfterEach
  void stop() {
    openTelemetry.close();
  }

  @Test
  void aCallIsOneClientSpanAndTheTraceparentSentIsTheSpans() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.execute(ApiRequest.builder("GET", "/v1/grids/{id}").pathParam("id", "ieee-14").build(),
        ResponseReader.discarding());

    SpanData span = onlySpan();
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getName()).isEqualTo("GET /v1/grids/{id}");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(204);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.template"))).isEqualTo("/v1/grids/{id}");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full")))
        .isEqualTo(server.url("/api/v1/grids/ieee-14").toString());
    assertThat(span.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo(server.getHostName());
    assertThat(span.getAttributes().get(AttributeKey.longKey("server.port"))).isEqualTo(server.getPort());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(server.takeRequest().getHeaders().get("traceparent"))
        .isEqualTo(traceparent(span));
  }

  @Test
  void aRetriedCallShowsEachAttemptAndWhyAndHowLongItWaited() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

    SpanData span = onlySpan();
    List<EventData> events = span.getEvents();
    assertThat(events).extracting(EventData::getName).containsExactly("sogno.http.attempt", "sogno.http.retry",
        "sogno.http.attempt", "sogno.http.retry", "sogno.http.attempt");
    assertThat(events.get(0).getAttributes().get(AttributeKey.longKey("sogno.attempt"))).isEqualTo(1);
    assertThat(events.get(0).getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(503);
    assertThat(events.get(1).getAttributes().get(AttributeKey.stringKey("sogno.retry.reason"))).isEqualTo("http_503");
    assertThat(events.get(1).getAttributes().get(AttributeKey.longKey("sogno.retry.wait_ms"))).isEqualTo(1000);
    assertThat(events.get(1).getAttributes().get(AttributeKey.stringKey("sogno.retry.wait_source")))
        .isEqualTo("retry-after");
    assertThat(events.get(3).getAttributes().get(AttributeKey.stringKey("sogno.retry.reason"))).isEqualTo("http_502");
    assertThat(events.get(3).getAttributes().get(AttributeKey.stringKey("sogno.retry.wait_source")))
        .isEqualTo("backoff");
    assertThat(events.get(4).getAttributes().get(AttributeKey.longKey("sogno.attempt"))).isEqualTo(3);
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.request.resend_count"))).isEqualTo(2);
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(204);
  }

  @Test
  void aFailedCallIsAnErrorSpanWithTheErrorType() {
    server.enqueue(new MockResponse.Builder().code(404).build());

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/grids").build(),
        ResponseReader.discarding())).isInstanceOf(NotFoundException.class);

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("404");
  }

  @Test
  void aCallRefusedByTheCircuitBreakerRecordsIt() {
    SognoClient breaking = client.newBuilder().retry(RetryConfig.disabled())
        .circuitBreaker(CircuitBreakerConfig.builder().slidingWindowSize(2).minimumNumberOfCalls(2).build()).build();
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(500).build());
      assertThatThrownBy(() -> breaking.execute(ApiRequest.builder("GET", "/v1/grids").build(),
          ResponseReader.discarding())).isInstanceOf(ServerErrorException.class);
    }
    spans.reset();

    assertThatThrownBy(() -> breaking.execute(ApiRequest.builder("GET", "/v1/grids").build(),
        ResponseReader.discarding())).isInstanceOf(CircuitOpenException.class);

    SpanData span = onlySpan();
    assertThat(span.getEvents()).extracting(EventData::getName).contains("sogno.circuit_breaker.open");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo(CircuitOpenException.class.getName());
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void theCallSpanIsAChildOfTheCurrentSpan() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    Span parent = openTelemetry.getTracer("test").spanBuilder("handle request").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      client.executeAsync(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding()).join();
    } finally {
      parent.end();
    }

    SpanData call = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst()
        .orElseThrow();
    assertThat(call.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void aTraceparentSetOnTheRequestIsTheSpansParent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    String callers = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    client.execute(ApiRequest.builder("GET", "/v1/grids").header("traceparent", callers).build(),
        ResponseReader.discarding());

    SpanData span = onlySpan();
    assertThat(span.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().values("traceparent")).containsExactly(traceparent(span));
  }

  @Test
  void aTraceparentRemovedByAUserInterceptorIsPutBackAsTheSpans() throws Exception {
    OkHttpClient removing = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().removeHeader("traceparent").build()))
        .build();
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (SognoClient withInterceptor = client.newBuilder().httpClient(removing).build()) {
      withInterceptor.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());
    } finally {
      removing.dispatcher().executorService().shutdown();
    }

    assertThat(server.takeRequest().getHeaders().get("traceparent")).isEqualTo(traceparent(onlySpan()));
  }

  @Test
  void theNoopOpenTelemetryMeansNoTracingAndTheUsualTraceparent() throws Exception {
    assertThat(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build().hasTracing()).isFalse();
    SognoClient noop = client.newBuilder()
        .observability(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build()).build();
    server.enqueue(new MockResponse.Builder().code(204).build());

    noop.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

    assertThat(spans.getFinishedSpanItems()).isEmpty();
    assertThat(CallHeadersInterceptor.isValidTraceparent(server.takeRequest().getHeaders().get("traceparent"))).isTrue();
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  private SpanData onlySpan() {
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    return spans.getFinishedSpanItems().get(0);
  }
}
