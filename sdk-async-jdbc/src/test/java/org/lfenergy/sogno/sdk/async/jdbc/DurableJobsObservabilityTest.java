package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.jdbc.testing.EmbeddedRestarts;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * Spans, meters and log lines of durable jobs on the embedded database; {@link DurableJobs} opened one
 * after the other on the same directory stand for the restarts of a service, each with an
 * OpenTelemetry of its own (so what links a run to its submitter can only come from the database).
 */
class DurableJobsObservabilityTest {
  @RegisterExtension final EmbeddedRestarts restarts = new EmbeddedRestarts();
  private final CountDownLatch release = new CountDownLatch(1);
  private final JobKinds kinds = JobKinds.builder()
      .kind("echo", String.class, (text, ctx) -> {
        if (text.startsWith("wait")) {
          release.await();
        }
        return "echo " + text;
      })
      .kind("crash", String.class, (text, ctx) -> {
        throw new IllegalStateException("password=hunter2");
      })
      .build();

  @AfterEach
  void release() {
    release.countDown(); // before the restarts close what they opened
  }

  @Test
  void aJobRunAfterARestartStillLinksToTheSpanItWasSubmittedIn() throws Exception {
    Traced before = new Traced();
    DurableJobs first = start(ObservabilityConfig.builder().openTelemetry(before.sdk).build(), Duration.ZERO);
    Span request = before.sdk.getTracer("test").spanBuilder("POST /v1/studies").startSpan();
    Job job;
    try (Scope ignored = request.makeCurrent()) {
      job = first.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "wait"));
    } finally {
      request.end();
    }
    await().until(() -> status(first, job) == JobStatus.RUNNING);
    first.close(); // drained at once: the run is interrupted and the job re-queued
    assertThat(status(first, job)).isEqualTo(JobStatus.QUEUED);
    assertThat((String) restarts.column(job.id(), "trace_context")).startsWith("00-" + request.getSpanContext().getTraceId() + "-"
        + request.getSpanContext().getSpanId() + "-");
    SpanData interrupted = before.awaitSpan("job echo");
    assertThat(interrupted.getAttributes().get(AttributeKey.stringKey("sogno.job.outcome"))).isEqualTo("interrupted");
    release.countDown();

    Traced after = new Traced();
    DurableJobs second = start(ObservabilityConfig.builder().openTelemetry(after.sdk).build(), Duration.ofSeconds(10));
    await().until(() -> status(second, job) == JobStatus.SUCCEEDED);

    SpanData run = after.awaitSpan("job echo");
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.id"))).isEqualTo(job.id());
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.outcome"))).isEqualTo("succeeded");
    assertThat(run.getTraceId()).as("the request's trace").isEqualTo(request.getSpanContext().getTraceId());
    assertThat(run.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(run.getLinks()).singleElement().satisfies(link -> {
      SpanContext linked = link.getSpanContext();
      assertThat(linked.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
      assertThat(linked.getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    });
  }

  @Test
  void aRunsStateChangesReachTheListenersWhileItsSpanIsCurrent() {
    Traced traced = new Traced();
    Map<JobStatus, SpanContext> currentAtChange = new ConcurrentHashMap<>();
    DurableJobs jobs = restarts.start(kinds, builder -> builder
        .observability(ObservabilityConfig.builder().openTelemetry(traced.sdk).build())
        .listener(change -> currentAtChange.put(change.job().status(), Span.current().getSpanContext()))
        .config(DurableJobsConfig.builder().workers(1).pollInterval(Duration.ofMillis(50)).build()));
    Job job = jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "now"));
    await().until(() -> currentAtChange.containsKey(JobStatus.SUCCEEDED));

    SpanData run = traced.awaitSpan("job echo");
    assertThat(run.getAttributes().get(AttributeKey.stringKey("sogno.job.id"))).isEqualTo(job.id());
    assertThat(currentAtChange).as("so that job events continue the run's trace")
        .hasEntrySatisfying(JobStatus.RUNNING, current -> assertThat(current.getSpanId()).isEqualTo(run.getSpanId()))
        .hasEntrySatisfying(JobStatus.SUCCEEDED, current -> assertThat(current.getSpanId()).isEqualTo(run.getSpanId()));
  }

  @Test
  void gaugesDurationsAndRefusalsOfDurableJobs() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DurableJobs jobs = start(ObservabilityConfig.builder().meterRegistry(registry).build(), Duration.ofSeconds(10));
    Job first = jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "wait 1"));
    jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "wait 2"));

    await().until(() -> gauge(registry, "sogno.jobs.running") == 1 && gauge(registry, "sogno.jobs.queued") == 1);
    release.countDown();
    await().until(() -> gauge(registry, "sogno.jobs.running") == 0 && gauge(registry, "sogno.jobs.queued") == 0);
    Job crashed = jobs.jobManager().submit(JobSubmission.builder("crash").build(), kinds.work("crash", "x"));
    await().until(() -> status(jobs, crashed) == JobStatus.FAILED);
    await().until(() -> registry.find("sogno.jobs.duration").tags("kind", "crash").timer() != null);
    assertThat(registry.get("sogno.jobs.duration").tags("kind", "echo", "outcome", "succeeded").timer().count())
        .isEqualTo(2);
    assertThat(registry.get("sogno.jobs.duration").tags("kind", "crash", "outcome", "failed").timer().count())
        .isEqualTo(1);

    assertThatThrownBy(() -> jobs.jobManager().submit(JobSubmission.builder("unknown").build(), ctx -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.get("sogno.jobs.refused").tags("kind", "unknown", "reason", "unrunnable").counter().count())
        .isEqualTo(1);
    assertThat(status(jobs, first)).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void aStoreThatCannotBeReachedIsCountedAndItsQueueGaugeReadsNaN() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JdbcJobStore store = restarts.store();
    DurableJobs jobs = restarts.closeLater(DurableJobs.builder(store, kinds).observability(ObservabilityConfig
        .builder().meterRegistry(registry).build()).start());
    store.close();

    assertThatThrownBy(() -> jobs.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", "x")))
        .isInstanceOfSatisfying(JobManagerException.class,
            e -> assertThat(e.code()).isEqualTo("job-state-unavailable"));
    assertThat(registry.get("sogno.jobs.refused").tags("kind", "echo", "reason", "store_unavailable").counter()
        .count()).isEqualTo(1);
    assertThat(gauge(registry, "sogno.jobs.queued")).isNaN();
  }

  @Test
  void aDurableFailureIsOneWarningWithTheProblemAndTheAttemptButNoSecret() {
    DurableJobs jobs = start(ObservabilityConfig.defaults(), Duration.ofSeconds(10));
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    Job crashed;
    try {
      crashed = jobs.jobManager().submit(JobSubmission.builder("crash").build(), kinds.work("crash", "x"));
      await().until(() -> status(jobs, crashed) == JobStatus.FAILED);
    } finally {
      System.setErr(stderr);
    }

    List<String> lines = log.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains(JobManagerConfig.LOGGER_NAME)).toList();
    assertThat(lines).filteredOn(line -> line.contains("WARN")).singleElement().asString()
        .contains("Job " + crashed.id() + " (crash): running -> failed on attempt 1: job-failed (Job failed)");
    assertThat(lines).filteredOn(line -> line.contains("INFO")).anySatisfy(line -> assertThat(line)
        .contains("Job " + crashed.id() + " (crash): queued -> running"));
    assertThat(String.join("\n", lines)).doesNotContain("hunter2");
  }

  private DurableJobs start(ObservabilityConfig observability, Duration drainGrace) {
    return restarts.start(kinds, builder -> builder.observability(observability).config(DurableJobsConfig
        .builder().workers(1).drainGrace(drainGrace).pollInterval(Duration.ofMillis(50)).build()));
  }

  private static JobStatus status(DurableJobs jobs, Job job) {
    return jobs.jobManager().get(job.id(), null).status();
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  /** One process's OpenTelemetry SDK, exporting to memory. */
  private final class Traced {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();

    Traced() {
      restarts.closeLater(sdk);
    }

    SpanData awaitSpan(String name) {
      await().until(() -> spans.getFinishedSpanItems().stream().anyMatch(span -> span.getName().equals(name)));
      return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
          .orElseThrow();
    }
  }
}
