package snippets;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafka;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/** sdk-testkit/README.md: one broker per test class. */
// snippet-start:per-class
@EmbeddedKafka
class OrderEventsTest {
  @Test
  void publishesOrderCreated(EmbeddedKafkaBroker kafka) {
    kafka.topics().create("sogno.orders.created.v1", 3);
    // ... point your producer at kafka.bootstrapServers() ...
    List<ConsumerRecord<byte[], byte[]>> records =
        kafka.topics().read("sogno.orders.created.v1", 1, Duration.ofSeconds(30));
  }
}
// snippet-end:per-class
