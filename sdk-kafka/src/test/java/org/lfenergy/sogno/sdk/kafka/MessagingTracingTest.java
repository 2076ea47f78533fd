package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;

/**
 * Spans of publishers and subscribers on the real broker, exported to memory by the OpenTelemetry SDK:
 * the trace context travels in the record headers and the subscriber's process span continues it.
 */
class MessagingTracingTest extends OnSharedBroker {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final ObservabilityConfig traced = ObservabilityConfig.builder().openTelemetry(openTelemetry).build();

  @AfterEach
  void closeOpenTelemetry() {
    openTelemetry.close();
  }

  @Test
  void anEventIsProcessedInThePublishersTraceUnderASpanCurrentWhileItsHandlerRuns() {
    String topic = Fixtures.topic("traced");
    kafka.broker().topics().create(topic);
    AtomicReference<SpanContext> currentInHandler = new AtomicReference<>();
    AtomicReference<String> eventId = new AtomicReference<>();
    AtomicReference<Map<String, String>> headers = new AtomicReference<>();
    SpanData request;
    PublishResult published;

    try (EventPublisher tracedPublisher = EventPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
        .source(Fixtures.SOURCE).observability(traced).build()) {
      Span parent = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        published = tracedPublisher.publish(topic, Fixtures.SEQUENCED, new Sequenced("k", 1));
      } finally {
        parent.end();
      }
      request = span("request");
    }
    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).observability(traced)
            .on(Fixtures.SEQUENCED, event -> {
              currentInHandler.set(Span.current().getSpanContext());
              eventId.set(event.id());
            }).build().start();
        EventSubscriber raw = Fixtures.subscriber(kafka.broker(), topic).topics()
            .onJson(topic, Sequenced.class, message -> headers.set(message.headers())).build().start()) {
      await().atMost(WAIT).until(() -> headers.get() != null && has(topic + " process"));

      SpanData publish = span(topic + " publish");
      SpanData process = span(topic + " process");
      assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
      assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanId());
      assertThat(publish.getTraceId()).isEqualTo(request.getTraceId());
      assertThat(publish.getAttributes().get(KafkaTracing.SYSTEM)).isEqualTo("kafka");
      assertThat(publish.getAttributes().get(KafkaTracing.DESTINATION)).isEqualTo(topic);
      assertThat(publish.getAttributes().get(KafkaTracing.MESSAGE_ID)).isEqualTo(eventId.get());
      assertThat(publish.getAttributes().get(KafkaTracing.PARTITION)).isEqualTo("0");
      assertThat(publish.getAttributes().get(KafkaTracing.OFFSET)).isEqualTo(published.offset());

      assertThat(headers.get().get(KafkaTracing.TRACEPARENT))
          .isEqualTo("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-"
              + publish.getSpanContext().getTraceFlags().asHex());

      assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(process.getTraceId()).isEqualTo(request.getTraceId());
      assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
      assertThat(process.getParentSpanContext().isRemote()).isTrue();
      assertThat(process.getAttributes().get(KafkaTracing.CONSUMER_GROUP)).isEqualTo(subscriber.groupId());
      assertThat(process.getAttributes().get(KafkaTracing.PARTITION)).isEqualTo("0");
      assertThat(process.getAttributes().get(KafkaTracing.OFFSET)).isEqualTo(published.offset());
      assertThat(process.getAttributes().get(KafkaTracing.MESSAGE_ID)).isEqualTo(eventId.get());
      assertThat(process.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type")))
          .isEqualTo(Fixtures.SEQUENCED.name());
      assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(currentInHandler.get().getSpanId()).isEqualTo(process.getSpanId());
    }
  }

  @Test
  void plainJsonRecordsCarryTheTraceToo() {
    String topic = Fixtures.topic("traced-json");
    kafka.broker().topics().create(topic);
    AtomicReference<Map<String, String>> headers = new AtomicReference<>();
    AtomicReference<SpanContext> currentInHandler = new AtomicReference<>();

    try (JsonPublisher json = JsonPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
            .observability(traced).build();
        EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).topics().observability(traced)
            .onJson(topic, Sequenced.class, message -> {
              currentInHandler.set(Span.current().getSpanContext());
              headers.set(message.headers());
            }).build().start()) {
      json.publish(topic, "k", new Sequenced("k", 1));
      await().atMost(WAIT).until(() -> has(topic + " process"));

      SpanData publish = span(topic + " publish");
      SpanData process = span(topic + " process");
      assertThat(publish.getParentSpanContext().isValid()).as("no span was current").isFalse();
      assertThat(publish.getAttributes().get(KafkaTracing.MESSAGE_ID)).isNull();
      assertThat(headers.get().get(KafkaTracing.TRACEPARENT)).contains(publish.getSpanId());
      assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
      assertThat(process.getTraceId()).isEqualTo(publish.getTraceId());
      assertThat(currentInHandler.get().getSpanId()).isEqualTo(process.getSpanId());
    }
  }

  @Test
  void aDeadLetteredRecordsProcessSpanIsAnErrorWithEveryFailedAttempt() {
    String topic = Fixtures.topic("traced-failing");
    kafka.broker().topics().create(topic);
    publisher.publish(topic, Fixtures.SEQUENCED, new Sequenced("k", 1)); // not traced: the process span starts a trace

    try (EventSubscriber subscriber = Fixtures.subscriber(kafka.broker(), topic).observability(traced)
        .retry(HandlerRetryConfig.builder().backoff(Backoff.builder().maxAttempts(2)
            .initialDelay(Duration.ofMillis(10)).build()).build())
        .on(Fixtures.SEQUENCED, event -> {
          throw new IllegalStateException("cannot handle");
        }).build().start()) {
      await().atMost(WAIT).until(() -> has(topic + " process"));

      SpanData process = span(topic + " process");
      assertThat(process.getParentSpanContext().isValid()).isFalse();
      assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(process.getAttributes().get(KafkaTracing.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
      assertThat(process.getAttributes().get(AttributeKey.stringKey("sogno.messaging.outcome")))
          .isEqualTo("dead_lettered");
      assertThat(process.getEvents()).extracting(event -> event.getAttributes().get(AttributeKey.longKey("sogno.attempt")))
          .containsExactly(1L, 2L);
    }
  }

  @Test
  void theNoopOpenTelemetrySendsNoTraceContext() {
    String topic = Fixtures.topic("noop");
    kafka.broker().topics().create(topic);
    Span parent = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
    CopyOnWriteArrayList<Map<String, String>> headers = new CopyOnWriteArrayList<>();

    try (EventPublisher noop = EventPublisher.builder().kafka(Fixtures.kafkaConfig(kafka.broker()))
            .source(Fixtures.SOURCE)
            .observability(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build()).build();
        EventSubscriber raw = Fixtures.subscriber(kafka.broker(), topic).topics()
            .onJson(topic, Sequenced.class, message -> headers.add(message.headers())).build().start()) {
      try (Scope ignored = parent.makeCurrent()) { // a recording span is current, but this publisher does not trace
        noop.publish(topic, Fixtures.SEQUENCED, new Sequenced("k", 1));
      } finally {
        parent.end();
      }
      await().atMost(WAIT).until(() -> !headers.isEmpty());
    }

    assertThat(headers.get(0)).containsKey("ce_id").doesNotContainKeys(KafkaTracing.TRACEPARENT, KafkaTracing.TRACESTATE);
    assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("request");
  }

  private boolean has(String name) {
    return spans.getFinishedSpanItems().stream().anyMatch(span -> span.getName().equals(name));
  }

  private SpanData span(String name) {
    return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).reduce((a, b) -> {
      throw new AssertionError("more than one span " + name);
    }).orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
  }
}
