package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.internal.CallHeadersInterceptor;

/**
 * OpenTelemetry and Micrometer are optional: child JVMs whose class path lacks them make calls as
 * before (the SDK's own traceparent is sent) and, with a registry, record metrics without tracing.
 */
class OptionalLibrariesTest {
  private static final Predicate<String> OPEN_TELEMETRY = jar -> jar.contains(folder("io", "opentelemetry"));
  private static final Predicate<String> MICROMETER = jar -> jar.contains(folder("io", "micrometer"));

  @StartStop
  private final MockWebServer server = new MockWebServer();

  @Test
  void withoutOpenTelemetryAndMicrometerCallsWorkAndCarryTheSdksTraceparent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    ChildJvm child = ChildJvm.start(ClientProgram.class, OPEN_TELEMETRY.or(MICROMETER), "close",
        server.url("/").toString());
    try {
      child.awaitLine(ClientProgram.LAST_LINE);

      assertThat(child.output()).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "blocking 204", "async 204", ClientProgram.LAST_LINE);
      for (int i = 0; i < 2; i++) {
        assertThat(CallHeadersInterceptor.isValidTraceparent(server.takeRequest().getHeaders().get("traceparent")))
            .isTrue();
      }
    } finally {
      child.kill();
    }
  }

  @Test
  void metricsNeedNoOpenTelemetry() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    ChildJvm child = ChildJvm.start(MeteredClientProgram.class, OPEN_TELEMETRY, server.url("/").toString());
    try {
      child.awaitLine(ClientProgram.LAST_LINE);

      assertThat(child.output()).contains("opentelemetry on class path: false", "timed calls 1",
          ClientProgram.LAST_LINE);
    } finally {
      child.kill();
    }
  }

  private static String folder(String... names) {
    return File.separator + String.join(File.separator, names) + File.separator;
  }
}
