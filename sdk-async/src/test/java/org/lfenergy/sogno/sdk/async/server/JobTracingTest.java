package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * A job's run is an INTERNAL span, linked to the span current at submission and current while the
 * work runs; recorded by the OpenTelemetry SDK's in-memory exporter.
 */
class JobTracingTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final InMemoryJobStore store = InMemoryJobStore.withCapacity(100);
  private final JobManager manager = JobManager.builder().store(store)
      .observability(ObservabilityConfig.builder().openTelemetry(openTelemetry).build()).build();

  @AfterEach
  void stop() {
    manager.close();
    openTelemetry.close();
  }

  @Test
  void aJobRunsInASpanLinkedToTheSubmittersSpanAndCurrentWhileItsWorkRuns() {
    AtomicReference<SpanContext> duringWork = new AtomicReference<>();
    Span request = openTelemetry.getTracer("test").spanBuilder("POST /v1/studies").setSpanKind(SpanKind.SERVER)
        .startSpan();
    Job job;
    try (Scope ignored = request.makeCurrent()) {
      job = manager.submit(JobSubmission.builder("study").build(), ctx -> {
        duringWork.set(Span.current().getSpanContext());
        return "done";
      });
    } finally {
      request.end();
    }

    SpanData run = awaitJobSpan();
    assertThat(run.getName()).isEqualTo("job study");
    assertThat(run.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(run.getTraceId()).as("the request's trace").isEqualTo(request.getSpanContext().getTraceId());
    assertThat(run.getParentSpanId()).as("a child of the request").isEqualTo(request.getSpanContext().getSpanId());
    assertThat(run.getLinks()).singleElement().satisfies(link -> {
      assertThat(link.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
      assertThat(link.getSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    });
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.id"))).isEqualTo(job.id());
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.kind"))).isEqualTo("study");
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.outcome"))).isEqualTo("succeeded");
    assertThat(run.getAttributes().get(AttributeKey.longKey("sogno.job.attempt"))).isEqualTo(1);
    assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(duringWork.get().getSpanId()).isEqualTo(run.getSpanId());
  }

  @Test
  void aRunsStateChangesReachTheListenersWhileItsSpanIsCurrent() {
    Map<JobStatus, SpanContext> currentAtChange = new ConcurrentHashMap<>();
    try (JobManager listened = JobManager.builder().store(InMemoryJobStore.withCapacity(10))
        .observability(ObservabilityConfig.builder().openTelemetry(openTelemetry).build())
        .listener(change -> currentAtChange.put(change.job().status(), Span.current().getSpanContext()))
        .build()) {
      listened.submit(JobSubmission.builder("study").build(), ctx -> "done");

      await().until(() -> currentAtChange.containsKey(JobStatus.SUCCEEDED));
    }

    SpanData run = awaitJobSpan();
    assertThat(currentAtChange).as("so that job events continue the run's trace")
        .hasEntrySatisfying(JobStatus.RUNNING, current -> assertThat(current.getSpanId()).isEqualTo(run.getSpanId()))
        .hasEntrySatisfying(JobStatus.SUCCEEDED, current -> assertThat(current.getSpanId()).isEqualTo(run.getSpanId()));
    assertThat(currentAtChange.get(JobStatus.QUEUED).isValid()).as("accepted outside any span").isFalse();
  }

  @Test
  void theSubmittersTraceStateIsKeptWithTheJobAndOnTheLink() {
    SpanContext submitter = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), TraceState.builder().put("vendor", "opaque").build());
    Job job;
    try (Scope ignored = Context.root().with(Span.wrap(submitter)).makeCurrent()) {
      job = manager.submit(JobSubmission.builder("study").build(), ctx -> null);
    }

    assertThat(store.find(job.id()).orElseThrow().traceContext())
        .contains("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01;vendor=opaque");
    LinkData link = awaitJobSpan().getLinks().get(0);
    assertThat(link.getSpanContext().getSpanId()).isEqualTo(submitter.getSpanId());
    assertThat(link.getSpanContext().getTraceState().get("vendor")).isEqualTo("opaque");
  }

  @Test
  void aFailedJobsSpanIsAnErrorWithItsProblemCodeAndTheException() {
    manager.submit(JobSubmission.builder("study").build(), ctx -> {
      throw new IllegalStateException("solver crashed");
    });

    SpanData run = awaitJobSpan();
    assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.outcome"))).isEqualTo("failed");
    assertThat(run.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("job-failed");
    assertThat(run.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
  }

  @Test
  void aJobSubmittedOutsideAnySpanHasNoLinkAndKeepsNoTraceContext() {
    Job job = manager.submit(JobSubmission.builder("study").build(), ctx -> null);

    SpanData run = awaitJobSpan();
    assertThat(run.getLinks()).isEmpty();
    assertThat(run.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
    assertThat(store.find(job.id()).orElseThrow().traceContext()).isEmpty();
  }

  @Test
  void theNoOpOpenTelemetryRecordsNothingAndKeepsNoTraceContext() {
    assertThat(JobTelemetry.of(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build()))
        .isSameAs(JobTelemetry.NONE);
    assertThat(JobTelemetry.of(ObservabilityConfig.defaults())).isSameAs(JobTelemetry.NONE);
    InMemoryJobStore untraced = InMemoryJobStore.withCapacity(10);
    try (JobManager noop = JobManager.builder().store(untraced)
        .observability(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build()).build()) {
      Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
      Job job;
      try (Scope ignored = request.makeCurrent()) {
        job = noop.submit(JobSubmission.builder("study").build(), ctx -> null);
      } finally {
        request.end();
      }
      await().until(() -> noop.get(job.id(), null).isTerminal());
      assertThat(untraced.find(job.id()).orElseThrow().traceContext()).isEmpty();
    }
    assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("request");
  }

  private SpanData awaitJobSpan() {
    await().until(() -> spans.getFinishedSpanItems().stream().anyMatch(span -> span.getName().startsWith("job ")));
    return spans.getFinishedSpanItems().stream().filter(span -> span.getName().startsWith("job ")).findFirst()
        .orElseThrow();
  }
}
