package org.lfenergy.sogno.sdk.bench.http;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import org.lfenergy.sogno.sdk.bench.generated.sogno.api.ReadingsApi;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.Reading;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.ReadingSeries;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.openjdk.jmh.annotations.Param;

/**
 * P1's SDK client with observability {@code off} (the defaults), {@code noop} (a Micrometer registry
 * without children, whose meters record nothing, and {@code OpenTelemetry.noop()}) and {@code
 * recording} (a {@code SimpleMeterRegistry} and the OpenTelemetry SDK sampling every span, exported in
 * batches to an exporter that counts and drops them): what metrics and tracing cost per call.
 */
public class ObservedClientBenchmark extends HttpClientBenchmark {
  @Param({"off", "noop", "recording"})
  public String observability;

  private SdkTracerProvider tracerProvider;

  @Override
  protected Calls connect(String baseUrl) {
    SognoClient client = SognoClient.builder().baseUrl(baseUrl).observability(config()).build();
    ReadingsApi api = new ReadingsApi(client);
    Reading reading = client.json().read(Payloads.SMALL, Reading.class);
    ReadingSeries series = client.json().read(Payloads.LARGE, ReadingSeries.class);
    return new Calls(() -> api.getLatestReading(METER_ID), () -> api.getSeries(METER_ID),
        () -> api.submitReading(reading), () -> api.submitSeries(series));
  }

  private ObservabilityConfig config() {
    return switch (observability) {
      case "off" -> ObservabilityConfig.defaults();
      case "noop" -> ObservabilityConfig.builder().meterRegistry(new CompositeMeterRegistry())
          .openTelemetry(OpenTelemetry.noop()).build();
      case "recording" -> {
        tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter()).build()).build();
        yield ObservabilityConfig.builder().meterRegistry(new SimpleMeterRegistry())
            .openTelemetry(io.opentelemetry.sdk.OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build())
            .build();
      }
      default -> throw new IllegalArgumentException("observability " + observability);
    };
  }

  @Override
  protected void disconnect() {
    if (tracerProvider != null) {
      tracerProvider.close();
    }
  }

  /** Counts the spans it is given and drops them. */
  private static final class CountingExporter implements SpanExporter {
    private final LongAdder spans = new LongAdder();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.add(batch.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
