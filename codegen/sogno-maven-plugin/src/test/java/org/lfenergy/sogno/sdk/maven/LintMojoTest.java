package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.maven.MojoFixture.with;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintMojoTest {
  private static final File SERVICE_SPEC = new File("src/test/resources/specs/meters-v0.yaml");

  @TempDir Path target;
  private final MojoFixture.RecordingLog log = new MojoFixture.RecordingLog();

  @Test
  void mustFindingsFailTheBuildAndArePrintedAsErrorLines() {
    LintMojo mojo = lint(SERVICE_SPEC, "MUST");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("finding(s) at or above MUST in")
        .hasMessageContaining("meters-v0.yaml");
    assertThat(log.lines).anyMatch(line -> line.matches("\\[ERROR] SOGNO-\\d+ MUST .*meters-v0\\.yaml:\\d+ .+"));
    assertThat(log.lines).anyMatch(line -> line.matches("\\[WARNING] SOGNO-\\d+ SHOULD .*meters-v0\\.yaml:\\d+ .+"));
    assertThat(target.resolve("report.sarif")).exists();
  }

  @Test
  void suppressedFindingIsPrintedWithItsReasonAndNeverFails() throws Exception {
    lint(SERVICE_SPEC, "NONE").execute();

    assertThat(log.lines).anyMatch(line -> line.startsWith("[INFO] SOGNO-200 MUST")
        && line.endsWith("(suppressed: Kept for the 2022 dashboards until they move to /v1 (PLAT-123).)"));
    assertThat(log.lines).noneMatch(line -> line.startsWith("[ERROR]"));
    assertThat(Files.readString(target.resolve("report.sarif"))).contains("\"version\"", "SOGNO-301");
  }

  @Test
  void unparsableSpecIsALoadFindingWithItsLine() {
    LintMojo mojo = lint(new File("src/test/resources/specs/broken.yaml"), "MUST");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    assertThat(log.lines).anyMatch(line -> line.matches("\\[ERROR] SOGNO-101 MUST .*broken\\.yaml:\\d+ .+"));
  }

  @Test
  void unknownThresholdIsRejectedNamingTheAcceptedValues() {
    assertThatThrownBy(lint(SERVICE_SPEC, "SOMETIMES")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("SOMETIMES")
        .hasMessageContaining("MUST, SHOULD or MAY")
        .hasMessageContaining("NONE");
  }

  @Test
  void unknownDisabledRuleIsRejected() {
    LintMojo mojo = with(lint(SERVICE_SPEC, "MUST"), "disabledRules", List.of("SOGNO-9999"));

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("SOGNO-9999");
  }

  @Test
  void missingSpecFailsNamingThePath() {
    assertThatThrownBy(lint(new File("src/test/resources/specs/nowhere.yaml"), "MUST")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  private LintMojo lint(File spec, String failOn) {
    LintMojo mojo = new LintMojo();
    mojo.setLog(log);
    with(mojo, "spec", spec);
    with(mojo, "failOn", failOn);
    return with(mojo, "report", target.resolve("report.sarif").toFile());
  }
}
