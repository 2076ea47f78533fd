package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.Linter;

class OpenApiSpecTest {
  static String spec() throws IOException {
    try (InputStream in = OpenApiSpecTest.class.getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void passesTheApiGuidelinesLinterWithoutFindings() throws IOException {
    LintReport report = Linter.defaults().lint("openapi.yaml", spec());

    assertThat(report.activeFindings()).as(String.join("\n", report.lines())).isEmpty();
  }

  @Test
  void theLinterWouldCatchAPowerFlowThatDoesNotAnswerWithAJob() throws IOException {
    String synchronous = spec().replace("x-sogno-long-running: true", "")
        .replace("'202':", "'201':");

    LintReport report = Linter.defaults().lint("openapi.yaml", synchronous);

    assertThat(report.ruleIds()).contains("SOGNO-600");
  }
}
