package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

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
    try (ChildJvm child = ChildJvm.builder(MessagingProgram.class).maxHeapMegabytes(256)
        .excludingFromClassPath(ChildJvm.OPEN_TELEMETRY.or(ChildJvm.MICROMETER))
        .args(kafka.broker().bootstrapServers(), events, json).start()) {
      int exitCode = child.awaitExit();

      String printed = child.output();
      assertThat(printed).contains("opentelemetry on class path: false", "micrometer on class path: false",
          "handled event 1", "json headers []", MessagingProgram.LAST_LINE);
      assertThat(exitCode).as(printed).isZero();
    }
  }
}
