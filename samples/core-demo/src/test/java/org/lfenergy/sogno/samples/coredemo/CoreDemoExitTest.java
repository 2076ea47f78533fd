package org.lfenergy.sogno.samples.coredemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as its README runs it ({@code exec:java} of {@link CoreDemo} on the module's runtime class
 * path, written by maven-dependency-plugin to {@code target/runtime-classpath.txt}), here in a JVM of
 * its own, so that nothing but its own threads can keep it alive. It starts its loopback server, calls
 * it, prints its last line and must then end by itself: a client or server thread left running would
 * keep the process alive, and the test fails naming the threads that still run.
 */
class CoreDemoExitTest {
  /** The start of the demo's last line. */
  private static final String LAST_LINE = "   problem: type=";
  /** A generous bound for a loaded machine, not a measure of speed: the demo exits at once. */
  private static final long EXIT_BOUND_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void exitsByItselfWithZeroAfterPrintingItsLastLine() throws Exception {
    String runtimeClassPath = Files.readString(Path.of("target", "runtime-classpath.txt")).trim();
    Path output = dir.resolve("core-demo.log");
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Path.of("target", "classes") + File.pathSeparator + runtimeClassPath, CoreDemo.class.getName())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2))
          .until(() -> read(output).lines().anyMatch(line -> line.startsWith(LAST_LINE)) || !demo.isAlive());
      assertThat(read(output)).as("the demo's output").contains("1. GET /v1/grids/ieee-14 -> 200",
          "2. GET /v1/flaky -> 200", "3. GET /v1/jobs/42 -> NotFoundException", LAST_LINE);

      if (!demo.waitFor(EXIT_BOUND_SECONDS, TimeUnit.SECONDS)) {
        fail("core-demo printed its last line but was still running " + EXIT_BOUND_SECONDS + " s later;"
            + " its threads:\n" + threadDump(demo.pid()));
      }
      assertThat(demo.exitValue()).as(read(output)).isZero();
    } finally {
      demo.destroyForcibly();
    }
  }

  private static String read(Path output) throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  /** The non-daemon threads of the running JVM {@code pid} first, then {@code jcmd Thread.print} whole. */
  private static String threadDump(long pid) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
    String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    // Java threads' header lines carry their number ("name" #12 …); DestroyJavaVM waits for the others.
    String nonDaemon = dump.lines().filter(line -> line.startsWith("\"") && line.contains("\" #")
            && !line.contains(" daemon ") && !line.startsWith("\"DestroyJavaVM\""))
        .collect(Collectors.joining("\n"));
    return "non-daemon threads:\n" + nonDaemon + "\n\n" + dump;
  }
}
