package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ObservabilityConfigTest {

  @Test
  void theDefaultsRecordNothing() {
    ObservabilityConfig defaults = ObservabilityConfig.defaults();

    assertThat(defaults.hasMetrics()).isFalse();
    assertThat(defaults.hasTracing()).isFalse();
    assertThat(defaults.meterRegistry()).isEmpty();
    assertThat(defaults.openTelemetry()).isEmpty();
    assertThat(defaults).hasToString("ObservabilityConfig{metrics=off, tracing=off}");
  }

  @Test
  void keepsWhatItWasGivenAndCopiesThroughToBuilder() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().build()) {
      ObservabilityConfig config = ObservabilityConfig.builder().meterRegistry(registry).openTelemetry(openTelemetry)
          .build();

      assertThat(config.meterRegistry()).containsSame(registry);
      assertThat(config.openTelemetry()).containsSame(openTelemetry);
      assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
      assertThat(config).hasToString("ObservabilityConfig{metrics=SimpleMeterRegistry, tracing=on}");
      assertThat(config).isNotEqualTo(ObservabilityConfig.defaults());
    }
  }

  @Test
  void anOpenTelemetryWithTheNoopTracerProviderIsNoTracing() {
    assertThat(ObservabilityConfig.builder().openTelemetry(OpenTelemetry.noop()).build().hasTracing()).isFalse();
    // What GlobalOpenTelemetry.get() gives without an installed SDK is a wrapper of this kind.
    OpenTelemetry propagatingOnly = OpenTelemetry.propagating(ContextPropagators.noop());
    assertThat(propagatingOnly).isNotSameAs(OpenTelemetry.noop());
    assertThat(ObservabilityConfig.builder().openTelemetry(propagatingOnly).build().hasTracing()).isFalse();
  }

  @Test
  void nullsAreRefusedAtOnce() {
    assertThatThrownBy(() -> ObservabilityConfig.builder().meterRegistry(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("registry");
    assertThatThrownBy(() -> ObservabilityConfig.builder().openTelemetry(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("openTelemetry");
    assertThatThrownBy(() -> SognoClient.builder().observability(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("observability");
  }

  @Test
  void aCallsOperationIsItsOwnNameElseItsPathTemplateElseOther() {
    assertThat(ApiRequest.builder("GET", "/v1/jobs/{jobId}").operation("getJob").build().operation())
        .isEqualTo("getJob");
    assertThat(ApiRequest.builder("GET", "/v1/jobs/{jobId}").build().operation()).isEqualTo("/v1/jobs/{jobId}");
    assertThat(ApiRequest.builder("GET", URI.create("/v1/jobs/42")).build().operation()).isEqualTo("other");
    assertThat(ApiRequest.builder("GET", "/v1/jobs").operation("listJobs").build().newBuilder().build().operation())
        .isEqualTo("listJobs");
  }

  @Test
  void aBlankOperationIsRefused() {
    assertThatThrownBy(() -> ApiRequest.builder("GET", "/v1/jobs").operation(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("operation must not be blank");
  }
}
