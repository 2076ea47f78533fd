package org.lfenergy.sogno.sdk.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as users run it: {@code java -jar target/sogno-sdk-conformance-cli-<version>.jar} in a
 * child JVM against services running in this one (failsafe runs this after {@code package}).
 */
class ConformanceCliJarIT {
  private static final Path JAR = Path.of(System.getProperty("sogno.conformance.cli.jar",
      "target/sogno-sdk-conformance-cli.jar (run through mvn verify)"));

  record Run(int status, String out, String err) {
  }

  /** Runs the jar; its standard error goes to a file, so no second reader thread is needed. */
  static Run java(Object... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar; run `mvn verify`").isRegularFile();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    Arrays.stream(args).map(String::valueOf).forEach(command::add);
    Path errFile = Files.createTempFile("conformance-cli", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().remove("SOGNO_TOKEN");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the CLI exits: " + command).isTrue();
    return new Run(process.exitValue(), out, Files.readString(errFile));
  }

  @Test
  void theJarExitsZeroAgainstTheSampleSpecOnSdkServer(@TempDir Path dir) throws Exception {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    try (Services.Running sample = Services.sample(spec)) {
      Run run = java("--url", sample.url(), "--spec", spec, "--seed", "3");

      assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ConformanceCli.OK);
      assertThat(run.err()).contains(": 0 MUST, ").doesNotContain("SLF4J", "Exception");
    }
  }

  @Test
  void theJarExitsOneWithProblemFindingsAsJunitAgainstApplicationJsonErrors(@TempDir Path dir) throws Exception {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    Path report = dir.resolve("conformance.xml");
    try (Services.Running service = Services.jsonErrors()) {
      Run text = java("--url", service.url(), "--spec", spec, "--seed", "4");
      Run junit = java("--url", service.url(), "--spec", spec, "--seed", "4", "--format", "junit", "--output", report);

      assertThat(text.status()).as(text.err()).isEqualTo(ConformanceCli.FINDINGS);
      assertThat(text.out()).contains("SOGNO-301 MUST", "reproduce: curl -sS -i -X ");
      assertThat(junit.status()).isEqualTo(ConformanceCli.FINDINGS);
      assertThat(Files.readString(report)).contains("<testsuites", "name=\"sogno-conformance\"", "type=\"SOGNO-301\"");
    }
  }

  @Test
  void theJarExitsTwoOnAUsageError() throws Exception {
    Run run = java("--spec", "openapi.yaml");

    assertThat(run.status()).isEqualTo(ConformanceCli.USAGE);
    assertThat(run.err()).startsWith("sogno-conformance: --url and --spec are required");
  }
}
