package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit 5 extension as a service author's test uses it. */
class ConformanceExtensionTest {
  @RegisterExtension
  static final ConformanceExtension CONFORMANCE = ConformanceExtension.forSpec(NonConformingServiceTest.SPEC)
      .withConfig(ConformanceConfig.builder().seed(5).validRequestsPerOperation(2).build());

  @Test
  void failsTheTestWithEveryFindingAndItsReproduction() throws IOException {
    try (LegacyThingsService service = new LegacyThingsService()) {
      assertThatThrownBy(() -> CONFORMANCE.assertConforms(service.baseUri().toString()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("SOGNO-301 MUST")
          .hasMessageContaining("reproduce: curl -sS -i -X POST '" + service.baseUri() + "/v1/things'");
    }
  }

  @Test
  void passesAConformingServiceAndReturnsItsReport(@TempDir Path dir) throws IOException {
    Path spec = SampleServiceConformanceTest.withoutSecurity(dir);
    ConformanceExtension conformance = ConformanceExtension.forSpec(spec)
        .withConfig(ConformanceConfig.builder().seed(6).validRequestsPerOperation(2).build());

    ConformanceReport report = SampleServiceConformanceTest.withSampleService(spec, conformance::assertConforms);

    assertThat(report.failed()).isFalse();
    assertThat(report.requestsSent()).isPositive();
  }
}
