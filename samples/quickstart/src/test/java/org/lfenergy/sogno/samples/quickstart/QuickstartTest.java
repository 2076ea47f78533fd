package org.lfenergy.sogno.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafka;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/** The demo end to end: broker, service and client in this JVM. */
class QuickstartTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private void assertDemoOutput(PowerFlowResult result) {
    assertThat(result.getConverged()).isTrue();
    assertThat(output())
        .containsPattern("client: job [0-9a-f-]{36}: succeeded")
        .contains("  bus   |V| p.u.  angle deg       P MW     Q MVAr")
        .contains("    4     1.0177    -10.313     -47.80       3.90")
        .contains("converged: true after 4 iteration(s); losses 13.393 MW");
  }

  @Test
  void startsAnEmbeddedBrokerWhenNoKafkaIsConfigured() {
    PowerFlowResult result = Quickstart.run(Map.of(), out);

    assertDemoOutput(result);
    assertThat(output()).contains("kafka: starting an embedded KRaft broker");
  }

  @Nested
  @EmbeddedKafka
  class WithSognoKafkaBootstrapServers {
    @Test
    void usesThatBrokerAndStartsNone(EmbeddedKafkaBroker kafka) {
      PowerFlowResult result = Quickstart.run(
          Map.of("SOGNO_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()), out);

      assertDemoOutput(result);
      assertThat(output())
          .contains("kafka: " + kafka.bootstrapServers() + " (SOGNO_KAFKA_BOOTSTRAP_SERVERS)")
          .doesNotContain("embedded");
      assertThat(kafka.topics().names()).contains("sogno.jobs.state-changed.v1");
    }
  }
}
