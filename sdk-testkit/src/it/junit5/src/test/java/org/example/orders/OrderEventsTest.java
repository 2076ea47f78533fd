package org.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafka;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

@EmbeddedKafka
class OrderEventsTest {
  /** Also junit6's test: its POM compiles this directory; each POM names its JUnit major version. */
  @Test
  void runsOnTheProjectsJUnitWithTheInjectedBroker(EmbeddedKafkaBroker kafka) throws Exception {
    String version = Test.class.getPackage().getImplementationVersion();
    String expected = System.getProperty("expected.junit.major");
    assertTrue(version.startsWith(expected + "."), "JUnit Jupiter API " + version + ", expected " + expected);
    kafka.topics().create("sogno.orders.created.v1", 1);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("sogno.orders.created.v1", "o-1", "created")).get();
    }
    byte[] value = kafka.topics().read("sogno.orders.created.v1", 1, Duration.ofSeconds(60)).get(0).value();
    assertEquals("created", new String(value, StandardCharsets.UTF_8));
  }
}
