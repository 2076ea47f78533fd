package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

class TopicProvisionerTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

  @Test
  void createsMissingTopicsWithPartitionsRetentionAndCompactionAndIsIdempotent() throws Exception {
    String events = Fixtures.topic("provisioned");
    String state = Fixtures.topic("compacted");
    TopicSpec eventsSpec = TopicSpec.builder(events).partitions(3).replicationFactor(1).retention(Duration.ofDays(7)).build();
    TopicSpec stateSpec = TopicSpec.builder(state).partitions(2).replicationFactor(1).compacted(true).build();

    try (TopicProvisioner provisioner = TopicProvisioner.create(Fixtures.kafkaConfig(kafka.broker()))) {
      ProvisioningResult first = provisioner.provision(eventsSpec, stateSpec);
      ProvisioningResult second = provisioner.provision(eventsSpec, stateSpec);

      assertThat(first.created()).containsExactlyInAnyOrder(events, state);
      assertThat(second.created()).isEmpty();
      assertThat(second.reconfigured()).isEmpty();
      assertThat(second.unchanged()).containsExactlyInAnyOrder(events, state);
      assertThat(second.warnings()).isEmpty();
    }
    assertThat(kafka.broker().topics().partitionCount(events)).isEqualTo(3);
    assertThat(kafka.broker().topics().partitionCount(state)).isEqualTo(2);
    assertThat(topicConfig(events).get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
    assertThat(topicConfig(state).get("cleanup.policy").value()).isEqualTo("compact");
  }

  @Test
  void alignsConfigsOfExistingTopicsButOnlyWarnsAboutTheirShape() throws Exception {
    String topic = Fixtures.topic("existing");
    kafka.broker().topics().create(topic, 2);
    TopicSpec spec = TopicSpec.builder(topic).partitions(4).replicationFactor(1).retention(Duration.ofHours(1)).build();

    try (TopicProvisioner provisioner = TopicProvisioner.create(Fixtures.kafkaConfig(kafka.broker()))) {
      ProvisioningResult result = provisioner.provision(spec);

      assertThat(result.reconfigured()).containsExactly(topic);
      assertThat(result.warnings()).singleElement().asString()
          .contains(topic).contains("2 partitions").contains("not changed");
    }
    assertThat(kafka.broker().topics().partitionCount(topic)).isEqualTo(2);
    assertThat(topicConfig(topic).get("retention.ms").value()).isEqualTo("3600000");
  }

  @Test
  void reportsRefusalsAsTypedErrors() {
    TopicSpec impossible = TopicSpec.builder(Fixtures.topic("replicated")).replicationFactor(3).build();
    try (TopicProvisioner provisioner = TopicProvisioner.create(Fixtures.kafkaConfig(kafka.broker()))) {
      assertThatThrownBy(() -> provisioner.provision(impossible))
          .isInstanceOf(TopicProvisioningException.class)
          .hasMessageContaining("create topic " + impossible.name());
    }
  }

  private static Config topicConfig(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
  }
}
