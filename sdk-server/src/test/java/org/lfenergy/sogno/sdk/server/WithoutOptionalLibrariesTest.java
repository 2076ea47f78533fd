package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry and Micrometer are optional: a server on a class path without them serves as before,
 * and its job manager runs jobs as before.
 */
class WithoutOptionalLibrariesTest {

  @Test
  void aServerWithoutOpenTelemetryAndMicrometerOnItsClassPathServesAndRunsJobs() throws Exception {
    String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(jar -> !jar.contains(folder("io", "opentelemetry")) && !jar.contains(folder("io", "micrometer")))
        .collect(Collectors.joining(File.pathSeparator));
    Path output = Files.createTempFile("sogno-server-child-", ".log");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, ServerProgram.class.getName()))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> !child.isAlive());

      assertThat(Files.readString(output)).contains("opentelemetry on class path: false",
          "micrometer on class path: false", "status 200", "job succeeded", ServerProgram.LAST_LINE);
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  private static String folder(String... names) {
    return File.separator + String.join(File.separator, names) + File.separator;
  }
}
