package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.internal.CallHeadersInterceptor;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/**
 * OpenTelemetry and Micrometer are optional: child JVMs whose class path lacks them make calls as
 * before (the SDK's own traceparent is sent) and, with a registry, record metrics without tracing.
 */
class OptionalLibrariesTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();

  @Test
  void withoutOpenTelemetryAndMicrometerCallsWorkAndCarryTheSdksTraceparent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (ChildJvm child = ChildJvm.builder(ClientProgram.class)
        .excludingFromClassPath(ChildJvm.OPEN_TELEMETRY.or(ChildJvm.MICROMETER))
        .args("close", server.url("/").toString()).start()) {
      child.awaitLine(ClientProgram.LAST_LINE);

      assertThat(child.output()).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "blocking 204", "async 204", ClientProgram.LAST_LINE);
      for (int i = 0; i < 2; i++) {
        assertThat(CallHeadersInterceptor.isValidTraceparent(server.takeRequest().getHeaders().get("traceparent")))
            .isTrue();
      }
    }
  }

  @Test
  void metricsNeedNoOpenTelemetry() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (ChildJvm child = ChildJvm.builder(MeteredClientProgram.class).excludingFromClassPath(ChildJvm.OPEN_TELEMETRY)
        .args(server.url("/").toString()).start()) {
      child.awaitLine(ClientProgram.LAST_LINE);

      assertThat(child.output()).contains("opentelemetry on class path: false", "timed calls 1",
          ClientProgram.LAST_LINE);
    }
  }
}
