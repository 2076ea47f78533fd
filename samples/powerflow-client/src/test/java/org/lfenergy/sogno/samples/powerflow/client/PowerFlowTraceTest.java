package org.lfenergy.sogno.samples.powerflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.PowerFlowService;
import org.lfenergy.sogno.samples.powerflow.ServiceConfig;
import org.lfenergy.sogno.samples.powerflow.client.generated.api.PowerflowsApi;
import org.lfenergy.sogno.samples.powerflow.client.generated.api.PowerflowsApi.StartPowerFlowOptions;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.JobEventWaiter;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * One trace, exported to memory by one OpenTelemetry SDK that the client side and the service share:
 * the generated client's call (answered {@code 503} once by a loopback front, then retried), the
 * service's request, the power-flow job it starts, the job's events on a real (embedded KRaft) broker
 * and the client's {@link JobEventWaiter} that receives the terminal one.
 */
class PowerFlowTraceTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sogno.job.id");
  private static final AttributeKey<String> JOB_STATUS = AttributeKey.stringKey("sogno.job.status");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sogno.attempt");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> WAIT_SOURCE = AttributeKey.stringKey("sogno.retry.wait_source");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final ObservabilityConfig traced = ObservabilityConfig.builder().openTelemetry(openTelemetry).build();
  @TempDir Path jobsDir;

  @AfterEach
  void closeOpenTelemetry() {
    openTelemetry.close();
  }

  @Test
  void aPowerFlowIsOneTraceFromTheRetriedClientCallThroughItsJobAndEventsToTheWaiter() throws Exception {
    EmbeddedKafkaBroker broker = kafka.broker();
    if (!broker.topics().names().contains(JobEvents.TOPIC)) {
      broker.topics().create(JobEvents.TOPIC, 3);
    }
    String jobId;
    // A pause per Newton step keeps the job running until the waiter watches for its end.
    try (PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
            "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true",
            "SOGNO_JOBS_DIR", jobsDir.toString(), "SOGNO_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
            ServiceConfig.ITERATION_PAUSE, "PT0.2S")), openTelemetry);
        RefuseFirstThenForward front = new RefuseFirstThenForward(service.baseUri());
        MockWebServer frontServer = new MockWebServer();
        JobEventWaiter waiter = JobEventWaiter.builder()
            .kafka(KafkaConfig.of(broker.bootstrapServers())).observability(traced).start()) {
      frontServer.setDispatcher(front);
      frontServer.start(InetAddress.getLoopbackAddress(), 0);
      try (SognoClient client = SognoClient.builder().baseUrl(frontServer.url("/").toString())
          .observability(traced).build()) {
        JobHandle<PowerFlowResult> job = new PowerflowsApi(client).beginPowerFlow(PowerFlowClientTest.ieee14(),
            StartPowerFlowOptions.defaults().idempotencyKey(UUID.randomUUID().toString()));
        jobId = job.jobId();

        Job done = waiter.terminal(jobId).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(front.requests()).isEqualTo(2);
      }
    }
    String id = jobId;
    await().atMost(WAIT).untilAsserted(() -> assertOneTrace(spans.getFinishedSpanItems(), id));
  }

  /** client CLIENT → service SERVER → job INTERNAL → job events PRODUCER → waiter CONSUMER, one trace. */
  private static void assertOneTrace(List<SpanData> finished, String jobId) {
    SpanData call = only(finished, SpanKind.CLIENT, "POST /v1/powerflows");
    SpanData request = only(finished, SpanKind.SERVER, "POST /v1/powerflows");
    SpanData run = only(finished, SpanKind.INTERNAL, "job powerflow");
    SpanData received = only(finished, SpanKind.CONSUMER, JobEvents.TOPIC + " process");
    SpanData terminalEvent = finished.stream()
        .filter(span -> span.getSpanId().equals(received.getParentSpanId())).findFirst().orElseThrow(
            () -> new AssertionError("no finished span is the parent of the waiter's span " + received));

    assertThat(call.getParentSpanContext().isValid()).as("the client call starts the trace").isFalse();
    assertThat(request.getParentSpanId()).as("server span's parent").isEqualTo(call.getSpanId());
    assertThat(run.getParentSpanId()).as("job span's parent").isEqualTo(request.getSpanId());
    assertThat(run.getLinks()).extracting(LinkData::getSpanContext)
        .anySatisfy(link -> assertThat(link.getSpanId()).isEqualTo(request.getSpanId()));
    assertThat(run.getAttributes().get(JOB_ID)).isEqualTo(jobId);
    assertThat(terminalEvent.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(terminalEvent.getName()).isEqualTo(JobEvents.TOPIC + " publish");
    assertThat(terminalEvent.getParentSpanId()).as("terminal event's parent").isEqualTo(run.getSpanId());
    assertThat(received.getAttributes().get(JOB_ID)).isEqualTo(jobId);
    assertThat(received.getAttributes().get(JOB_STATUS)).isEqualTo("succeeded");
    assertThat(List.of(call, request, run, terminalEvent, received)).extracting(SpanData::getTraceId)
        .containsOnly(call.getTraceId());

    assertThat(call.getEvents()).filteredOn(event -> event.getName().equals("sogno.http.attempt"))
        .extracting(event -> event.getAttributes().get(ATTEMPT), event -> event.getAttributes().get(STATUS))
        .containsExactly(tuple(1L, 503L), tuple(2L, 202L));
    assertThat(call.getEvents()).filteredOn(event -> event.getName().equals("sogno.http.retry"))
        .extracting(EventData::getAttributes).singleElement()
        .satisfies(retry -> assertThat(retry.get(WAIT_SOURCE)).isEqualTo("retry-after"));
  }

  private static SpanData only(List<SpanData> spans, SpanKind kind, String name) {
    List<SpanData> matching = spans.stream()
        .filter(span -> span.getKind() == kind && span.getName().equals(name)).toList();
    assertThat(matching).as("%s spans named %s among %s", kind, name, spans).hasSize(1);
    return matching.get(0);
  }
}
