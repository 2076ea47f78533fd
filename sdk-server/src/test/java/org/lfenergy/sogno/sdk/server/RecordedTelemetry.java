package org.lfenergy.sogno.sdk.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * What observability tests record into: an OpenTelemetry SDK exporting finished spans to memory and a
 * {@link SimpleMeterRegistry}, as one {@link ObservabilityConfig}.
 */
final class RecordedTelemetry implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ObservabilityConfig observability = ObservabilityConfig.builder().openTelemetry(openTelemetry)
      .meterRegistry(registry).build();

  @Override
  public void close() {
    openTelemetry.close();
  }
}
