package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/** Off, or with the no-op OpenTelemetry, telemetry is the shared null object: nothing per record. */
class MessagingTelemetryTest {

  @Test
  void withoutMetricsAndTracingEveryRecordGetsTheSharedNoOps() {
    MessagingTelemetry off = MessagingTelemetry.of(ObservabilityConfig.defaults());
    MessagingTelemetry noop = MessagingTelemetry.of(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build());

    assertThat(off).isSameAs(MessagingTelemetry.NONE);
    assertThat(noop).isSameAs(MessagingTelemetry.NONE);
    assertThat(off.meters()).isSameAs(MessagingMeters.NONE);
    assertThat(off.publishing("topic", "id")).isSameAs(MessagingTelemetry.Publish.NONE);
    assertThat(off.processing(null, "group")).isSameAs(MessagingTelemetry.Processing.NONE);
  }

  @Test
  void metricsAloneOpenNoSpans() {
    MessagingTelemetry metered =
        MessagingTelemetry.of(ObservabilityConfig.builder().meterRegistry(new SimpleMeterRegistry()).build());

    assertThat(metered.meters()).isInstanceOf(MicrometerMessagingMeters.class);
    assertThat(metered.publishing("topic", "id")).isSameAs(MessagingTelemetry.Publish.NONE);
  }
}
