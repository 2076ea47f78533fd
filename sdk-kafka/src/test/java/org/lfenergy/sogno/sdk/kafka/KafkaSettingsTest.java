package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
  @Test
  void mapsEverySognoKafkaVariableToAClientProperty() {
    KafkaConfig settings = KafkaConfig.fromEnvironment(Map.of(
        "SOGNO_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093",
        "SOGNO_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "SOGNO_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "SOGNO_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
        "PATH", "/usr/bin",
        "SOGNO_KAFKA_", "ignored"));

    assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9093");
    assertThat(settings.properties()).containsOnly(
        Map.entry("bootstrap.servers", "kafka-1:9093,kafka-2:9093"),
        Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
        Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"));
  }

  @Test
  void refusesSettingsWithoutBootstrapServersNamingTheVariable() {
    assertThatThrownBy(() -> KafkaConfig.fromEnvironment(Map.of("SOGNO_KAFKA_SECURITY_PROTOCOL", "SSL")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SOGNO_KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void neverPrintsSecrets() {
    KafkaConfig settings = KafkaConfig.builder()
        .bootstrapServers("kafka:9093")
        .securityProtocol("SASL_SSL")
        .property("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"svc\" password=\"hunter2\";")
        .property("ssl.truststore.password", "changeit")
        .property("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----")
        .property("sasl.oauthbearer.client.credentials.client.secret", "s3cr3t")
        .build();

    assertThat(settings.toString())
        .contains("kafka:9093", "SASL_SSL", "[redacted]")
        .doesNotContain("hunter2", "changeit", "PRIVATE KEY", "s3cr3t");
    assertThat(settings.properties()).containsEntry("ssl.truststore.password", "changeit");
  }

  @Test
  void isAValueObject() {
    assertThat(KafkaConfig.of("a:1")).isEqualTo(KafkaConfig.of("a:1")).hasSameHashCodeAs(KafkaConfig.of("a:1"));
    assertThat(KafkaConfig.of("a:1").toBuilder().clientId("x").build()).isNotEqualTo(KafkaConfig.of("a:1"));
  }
}
