package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.async.server.JobManager;

/**
 * A job started by a request over a real socket: its run is a span linked to the request's server
 * span (which continues the caller's traceparent), on both adapters; the run is timed by kind.
 */
class JobTracesOverSocketTest {
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  private final RecordedTelemetry recorded = new RecordedTelemetry();
  private final ThingsService service = new ThingsService(JobManager.builder().observability(recorded.observability)
      .build());

  @AfterEach
  void stop() {
    service.jobs.close();
    recorded.close();
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aJobStartedByARequestRunsInASpanLinkedToTheRequestsServerSpan(Adapter adapter) {
    SognoServer server = service.builder(ServerConfig.builder().host("127.0.0.1").port(0).build())
        .observability(recorded.observability).build();
    try (Adapter.Running running = adapter.start(server)) {
      HttpResponse<byte[]> accepted = new Http(running.baseUri()).postJson("/v1/calculations", "{\"input\":21}",
          "traceparent", "00-" + CALLER_TRACE + "-00f067aa0ba902b7-01");
      assertThat(accepted.statusCode()).isEqualTo(202);

      await().until(() -> finished("job calculation") != null && finished("POST /v1/calculations") != null);
    }

    SpanData request = finished("POST /v1/calculations");
    SpanData job = finished("job calculation");
    assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(request.getTraceId()).isEqualTo(CALLER_TRACE);
    assertThat(job.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(job.getTraceId()).as("one trace").isEqualTo(CALLER_TRACE);
    assertThat(job.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(job.getLinks()).singleElement().satisfies(link -> {
      assertThat(link.getSpanContext().getTraceId()).isEqualTo(CALLER_TRACE);
      assertThat(link.getSpanContext().getSpanId()).isEqualTo(request.getSpanId());
    });
    await().until(() -> recorded.registry.find("sogno.jobs.duration")
        .tags("kind", "calculation", "outcome", "succeeded").timer() != null);
  }

  private SpanData finished(String name) {
    return recorded.spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
        .orElse(null);
  }
}
