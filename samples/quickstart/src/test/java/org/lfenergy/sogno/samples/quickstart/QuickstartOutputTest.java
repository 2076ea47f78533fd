package org.lfenergy.sogno.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code mvn exec:java} runs it: a JVM of its own on the runtime class path (written by
 * maven-dependency-plugin to {@code target/runtime-classpath.txt}), its output captured through a pipe,
 * so not a terminal. What it prints is the progress and the table, nothing else.
 */
class QuickstartOutputTest {
  /** The lines the demo prints: its progress, the table, a blank line before the table. */
  private static final Pattern DEMO_LINE = Pattern.compile(
      "(kafka|service|client): .*|IEEE 14-bus case, solved by the power-flow service:"
          + "|  bus   \\|V\\| p\\.u\\..*|\\s+\\d+\\s+\\d\\.\\d{4}\\s+.*|converged: .*|");

  private static int exitCode;
  private static String output;
  private static List<String> lines;

  @BeforeAll
  static void runTheDemoInItsOwnJvm() throws Exception {
    String runtimeClassPath = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
    ProcessBuilder demo = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Path.of("target", "classes") + File.pathSeparator + runtimeClassPath,
        Quickstart.class.getName())
        .redirectErrorStream(true);
    demo.environment().keySet().removeIf(name -> name.startsWith("SOGNO_"));
    demo.environment().remove("TERM");
    Process process = demo.start();
    output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    exitCode = process.waitFor();
    lines = output.lines().toList();
  }

  @Test
  void solvesTheCaseAndExitsWithZero() {
    assertThat(exitCode).as(output).isZero();
    assertThat(output).contains("converged: true after 4 iteration(s)");
  }

  @Test
  void printsOnlyItsProgressAndTheTable() {
    assertThat(lines).as(output).isNotEmpty().allMatch(line -> DEMO_LINE.matcher(line).matches());
  }

  @Test
  void printsNoSlf4jWarningNoAnsiCodeAndNoGeneratorBanner() {
    assertThat(output)
        .doesNotContain("SLF4J")
        .doesNotContain("\u001b[")
        .doesNotContain("OpenAPI Generator")
        .doesNotContain("opencollective");
  }
}
