package org.lfenergy.sogno.sdk.async.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

class ClientPropertiesTest {
  private static final KafkaConfig SETTINGS = KafkaConfig.of("localhost:9092");

  @Test
  void durableWritesLingerAsConfiguredAndStillFailWithinTheWriteTimeout() {
    Map<String, Object> producer = ClientProperties.producer(SETTINGS, "p", Duration.ofSeconds(10), Duration.ofMillis(3));

    assertThat(producer).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 3)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
        .as("Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms")
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 9_997);
  }

  @Test
  void theStateReaderLetsTheBrokerGatherRecordsForTheFetchWait() {
    Map<String, Object> reader = ClientProperties.stateReader(SETTINGS, "r", Duration.ofMillis(5));

    assertThat(reader).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5)
        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ClientProperties.STATE_FETCH_MIN_BYTES)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  @Test
  void aZeroFetchWaitKeepsKafkasAnswerAsSoonAsThereIsARecord() {
    Map<String, Object> reader = ClientProperties.stateReader(SETTINGS, "r", Duration.ZERO);

    assertThat(reader).doesNotContainKeys(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
  }
}
