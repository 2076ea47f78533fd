package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/**
 * OpenTelemetry and Micrometer are optional: a server on a class path without them serves as before,
 * and its job manager runs jobs as before.
 */
class WithoutOptionalLibrariesTest {

  @Test
  void aServerWithoutOpenTelemetryAndMicrometerOnItsClassPathServesAndRunsJobs() throws Exception {
    try (ChildJvm child = ChildJvm.builder(ServerProgram.class).maxHeapMegabytes(256)
        .excludingFromClassPath(ChildJvm.OPEN_TELEMETRY.or(ChildJvm.MICROMETER))
        .start()) {
      int exitCode = child.awaitExit();

      assertThat(child.output()).contains("opentelemetry on class path: false",
          "micrometer on class path: false", "status 200", "job succeeded", ServerProgram.LAST_LINE);
      assertThat(exitCode).as(child.output()).isZero();
    }
  }
}
