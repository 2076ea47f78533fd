package snippets;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.ForkedKafkaBroker;

/** sdk-testkit/README.md: the other ways to get a broker. */
class TestkitSnippetsTest {
  static class Configured {
    // snippet-start:configured
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka =
        EmbeddedKafkaExtension.withBroker(b -> b.brokerProperty("log.retention.ms", "60000"));
    // snippet-end:configured
  }

  static class Shared {
    // snippet-start:shared
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();
    // snippet-end:shared
  }

  void withoutJUnit() {
    // snippet-start:without-junit
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault()) {
      String bootstrapServers = kafka.bootstrapServers();
    }
    // snippet-end:without-junit
  }

  void crash() {
    // snippet-start:forked
    try (ForkedKafkaBroker kafka = ForkedKafkaBroker.start()) {
      kafka.topics().create("sogno.orders.created.v1", 3);
      // ... publish and consume ...
      kafka.kill();
      kafka.restart();
    }
    // snippet-end:forked
  }
}
