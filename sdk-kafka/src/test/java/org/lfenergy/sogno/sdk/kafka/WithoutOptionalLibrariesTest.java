package org.lfenergy.sogno.sdk.kafka;

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
 * OpenTelemetry and Micrometer are optional: publishers and subscribers on a class path without them
 * publish and handle as before, and send no trace headers.
 */
class WithoutOptionalLibrariesTest extends OnSharedBroker {

  @Test
  void publishersAndSubscribersWithoutOpenTelemetryAndMicrometerOnTheClassPathWork() throws Exception {
    String events = Fixtures.topic("child-events");
    String json = Fixtures.topic("child-json");
    kafka.broker().topics().create(events);
    kafka.broker().topics().create(json);
    String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(jar -> !jar.contains(folder("io", "opentelemetry")) && !jar.contains(folder("io", "micrometer")))
        .collect(Collectors.joining(File.pathSeparator));
    Path output = Files.createTempFile("sogno-kafka-child-", ".log");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, MessagingProgram.class.getName(),
        kafka.broker().bootstrapServers(), events, json))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> !child.isAlive());

      String printed = Files.readString(output);
      assertThat(printed).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "handled event 1", "json headers []", MessagingProgram.LAST_LINE);
      assertThat(child.exitValue()).as(printed).isZero();
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  private static String folder(String... names) {
    return File.separator + String.join(File.separator, names) + File.separator;
  }
}
