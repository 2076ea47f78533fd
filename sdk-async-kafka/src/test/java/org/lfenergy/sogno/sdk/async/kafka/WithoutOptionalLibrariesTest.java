package org.lfenergy.sogno.sdk.async.kafka;

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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * OpenTelemetry and Micrometer are optional: distributed jobs and job events on a class path without
 * them work as before.
 */
class WithoutOptionalLibrariesTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  @Test
  void distributedJobsAndJobEventsWithoutOpenTelemetryOrMicrometerOnTheClassPathWork() throws Exception {
    String suffix = TestTopics.uniqueName("c").replaceAll("[^a-zA-Z0-9]", "");
    String events = "sogno.jobs-" + suffix + ".state-changed.v1";
    kafka.broker().topics().create(events);
    String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(jar -> !jar.contains(File.separator + "io" + File.separator + "opentelemetry" + File.separator))
        .filter(jar -> !jar.contains(File.separator + "io" + File.separator + "micrometer" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
    Path output = Files.createTempFile("sogno-jobs-child-", ".log");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, JobsProgram.class.getName(),
        kafka.bootstrapServers(), suffix, events))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> !child.isAlive());

      String printed = Files.readString(output);
      assertThat(printed).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "job succeeded", JobsProgram.LAST_LINE);
      assertThat(child.exitValue()).as(printed).isZero();
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
