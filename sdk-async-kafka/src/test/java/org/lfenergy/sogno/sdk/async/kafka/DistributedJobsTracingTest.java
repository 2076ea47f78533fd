package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaTracing;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * One trace across replicas, exported to memory by the OpenTelemetry SDK: a job submitted under a
 * span on one replica runs on another's worker in the submitter's trace, its job events carry the
 * job's context, and the waiter that receives the terminal event continues it.
 */
class DistributedJobsTracingTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sogno.job.id");
  private static final AttributeKey<String> JOB_STATUS = AttributeKey.stringKey("sogno.job.status");
  private static final AttributeKey<String> JOB_KIND = AttributeKey.stringKey("sogno.job.kind");
  private static final AttributeKey<Long> JOB_ATTEMPT = AttributeKey.longKey("sogno.job.attempt");
  private static final AttributeKey<String> JOB_OUTCOME = AttributeKey.stringKey("sogno.job.outcome");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final ObservabilityConfig traced = ObservabilityConfig.builder().openTelemetry(openTelemetry).build();
  private final Cluster cluster = new Cluster(kafka);
  private final String events =
      "sogno.jobs-" + TestTopics.uniqueName("e").replaceAll("[^a-zA-Z0-9]", "") + ".state-changed.v1";
  private final CountDownLatch watched = new CountDownLatch(1);
  private final AtomicReference<SpanContext> currentInWork = new AtomicReference<>();

  @AfterEach
  void close() {
    cluster.close();
    openTelemetry.close();
  }

  /** Echoes once the test watches for the job's end, noting the span current while it runs. */
  private JobKinds echo(String replica) {
    return JobKinds.builder()
        .kind("echo", DistributedJobsTest.Echo.class, (request, ctx) -> {
          currentInWork.set(Span.current().getSpanContext());
          watched.await(30, TimeUnit.SECONDS);
          return new DistributedJobsTest.Echo(request.text + " by " + replica);
        })
        .build();
  }

  @Test
  void aJobSubmittedUnderASpanRunsOnAnotherReplicaAndEndsAtTheWaiterInTheSameTrace() throws Exception {
    kafka.broker().topics().create(events, 2);
    AtomicReference<SpanContext> currentAtTheWaiter = new AtomicReference<>();
    try (EventPublisher publisher = EventPublisher.builder().kafka(cluster.settings()).source(URI.create("/sogno/test"))
            .observability(traced).build();
        JobEventWaiter waiter = JobEventWaiter.builder().kafka(cluster.settings()).topic(events)
            .observability(traced).start()) {
      cluster.observability(traced);
      DistributedJobs submitter = cluster.replica("a", 0, echo("a"), JobEventPublisher.create(publisher, events));
      cluster.replica("b", 1, echo("b"), JobEventPublisher.create(publisher, events));

      Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
      Job job;
      CompletableFuture<Job> done;
      try (Scope ignored = request.makeCurrent()) {
        job = submitter.jobManager().submit(JobSubmission.builder("echo").build(),
            echo("a").work("echo", new DistributedJobsTest.Echo("hello")));
        done = waiter.terminal(job.id())
            .whenComplete((terminal, error) -> currentAtTheWaiter.set(Span.current().getSpanContext()));
      } finally {
        request.end();
      }
      watched.countDown();

      assertThat(done.get(60, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(submitter.jobManager().get(job.id(), null).status()).isEqualTo(JobStatus.SUCCEEDED);
      await().atMost(WAIT).until(() -> find(events + " process") != null);

      String trace = request.getSpanContext().getTraceId();
      ConsumerRecord<byte[], byte[]> sent = kafka.broker().topics().read(cluster.requestTopic(), 1, WAIT).get(0);
      assertThat(header(sent, KafkaTracing.TRACEPARENT)).as("the request carries the submitter's context")
          .isEqualTo("00-" + trace + "-" + request.getSpanContext().getSpanId() + "-"
              + request.getSpanContext().getTraceFlags().asHex());

      SpanData run = only(cluster.requestTopic() + " process");
      assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(run.getTraceId()).isEqualTo(trace);
      assertThat(run.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
      assertThat(run.getAttributes().get(JOB_ID)).isEqualTo(job.id());
      assertThat(run.getAttributes().get(JOB_KIND)).isEqualTo("echo");
      assertThat(run.getAttributes().get(JOB_ATTEMPT)).isEqualTo(1L);
      assertThat(run.getAttributes().get(KafkaTracing.CONSUMER_GROUP)).isEqualTo("jobs-" + cluster.suffix());
      SpanData work = only("job echo");
      assertThat(work.getKind()).as("the run's span, as in process").isEqualTo(SpanKind.INTERNAL);
      assertThat(work.getTraceId()).isEqualTo(trace);
      assertThat(work.getParentSpanId()).isEqualTo(run.getSpanId());
      assertThat(work.getLinks()).as("linked to the submitter, as in process").singleElement()
          .satisfies(link -> assertThat(link.getSpanContext().getSpanId())
              .isEqualTo(request.getSpanContext().getSpanId()));
      assertThat(work.getAttributes().get(JOB_ID)).isEqualTo(job.id());
      assertThat(work.getAttributes().get(JOB_KIND)).isEqualTo("echo");
      assertThat(work.getAttributes().get(JOB_ATTEMPT)).isEqualTo(1L);
      assertThat(work.getAttributes().get(JOB_OUTCOME)).isEqualTo("succeeded");
      assertThat(currentInWork.get().getSpanId()).as("the job's work runs under the run's span")
          .isEqualTo(work.getSpanId());
      Job result = submitter.jobManager().get(job.id(), null);
      assertThat(new String(submitter.jobManager().result(job.id(), null).body(), StandardCharsets.UTF_8))
          .as("run by the second replica").contains("hello by b");

      List<SpanData> published = all(events + " publish");
      assertThat(published).as("queued, running, succeeded").hasSize(3)
          .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(trace));
      assertThat(published).filteredOn(span -> span.getParentSpanId().equals(run.getSpanId()))
          .as("running and succeeded, published by the worker under the job's span").hasSize(2);

      SpanData received = only(events + " process");
      assertThat(received.getTraceId()).isEqualTo(trace);
      assertThat(received.getAttributes().get(JOB_STATUS)).isEqualTo("succeeded");
      assertThat(received.getAttributes().get(JOB_ID)).isEqualTo(result.id());
      assertThat(published).filteredOn(span -> span.getSpanId().equals(received.getParentSpanId()))
          .singleElement().satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(run.getSpanId()));
      assertThat(currentAtTheWaiter.get().getSpanId()).isEqualTo(received.getSpanId());
    }
  }

  @Test
  void aFailedDistributedRunHasTheSpanOfAFailedInProcessRun() {
    JobKinds diverge = JobKinds.builder()
        .kind("diverge", DistributedJobsTest.Echo.class, (request, ctx) -> {
          throw new JobFailureException(Problem.builder().code("diverged").status(422).title("Load flow diverged").build());
        })
        .build();
    cluster.observability(traced);
    DistributedJobs replica = cluster.replica("a", 1, diverge);
    Job distributed = replica.jobManager().submit(JobSubmission.builder("diverge").build(),
        diverge.work("diverge", new DistributedJobsTest.Echo("x")));
    try (JobManager local = JobManager.builder().observability(traced).build()) {
      Job inProcess = local.submit(JobSubmission.builder("diverge").build(),
          diverge.work("diverge", new DistributedJobsTest.Echo("x")));
      await().atMost(WAIT).until(() -> all("job diverge").size() == 2);

      SpanData remote = spanOf(distributed);
      SpanData here = spanOf(inProcess);
      assertThat(remote.getAttributes().asMap().keySet()).isEqualTo(here.getAttributes().asMap().keySet());
      for (SpanData span : List.of(remote, here)) {
        assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("diverged");
        assertThat(span.getAttributes().get(JOB_OUTCOME)).isEqualTo("failed");
        assertThat(span.getAttributes().get(JOB_ATTEMPT)).isEqualTo(1L);
        assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
      }
    }
  }

  private SpanData spanOf(Job job) {
    return all("job " + job.kind().orElseThrow()).stream()
        .filter(span -> job.id().equals(span.getAttributes().get(JOB_ID))).findFirst().orElseThrow();
  }

  @Test
  void withoutTracingAJobRequestCarriesNoTraceContext() {
    DistributedJobs replica = cluster.replica("a", 1, echo("a"));
    watched.countDown();
    Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      replica.jobManager().submit(JobSubmission.builder("echo").build(),
          echo("a").work("echo", new DistributedJobsTest.Echo("hello")));
    } finally {
      request.end();
    }

    ConsumerRecord<byte[], byte[]> sent = kafka.broker().topics().read(cluster.requestTopic(), 1, WAIT).get(0);
    assertThat(sent.headers().lastHeader(KafkaTracing.TRACEPARENT)).isNull();
    assertThat(header(sent, "sogno-job-kind")).isEqualTo("echo");
    assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("request");
  }

  private SpanData find(String name) {
    return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst().orElse(null);
  }

  private List<SpanData> all(String name) {
    return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
  }

  private SpanData only(String name) {
    List<SpanData> named = all(name);
    assertThat(named).as("spans named %s in %s", name, spans.getFinishedSpanItems()).hasSize(1);
    return named.get(0);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
