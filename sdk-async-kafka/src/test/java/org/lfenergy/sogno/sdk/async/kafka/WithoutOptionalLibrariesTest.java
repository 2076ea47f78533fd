package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
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
    try (ChildJvm child = ChildJvm.builder(JobsProgram.class).maxHeapMegabytes(256)
        .excludingFromClassPath(ChildJvm.OPEN_TELEMETRY.or(ChildJvm.MICROMETER))
        .args(kafka.bootstrapServers(), suffix, events).start()) {
      int exitCode = child.awaitExit();

      String printed = child.output();
      assertThat(printed).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "job succeeded", JobsProgram.LAST_LINE);
      assertThat(exitCode).as(printed).isZero();
    }
  }
}
