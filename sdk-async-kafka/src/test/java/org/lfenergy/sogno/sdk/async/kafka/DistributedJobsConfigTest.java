package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DistributedJobsConfigTest {
  @Test
  void configRefusesNonsenseValues() {
    assertThatThrownBy(() -> DistributedJobsConfig.builder().deliveryLimit(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deliveryLimit");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().lockDuration(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lockDuration");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().lockDuration(Duration.ofSeconds(3))
            .heartbeatInterval(Duration.ofSeconds(3)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
    assertThat(DistributedJobsConfig.builder().lockDuration(Duration.ofSeconds(9)).build().heartbeatInterval())
        .isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> DistributedJobsConfig.builder().writeTimeout(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeTimeout");
    assertThat(DistributedJobsConfig.defaults().writeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> DistributedJobsConfig.builder().writeLinger(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeLinger");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().writeLinger(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeLinger");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().stateFetchWait(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateFetchWait");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().stateFetchWait(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateFetchWait");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().fetchBatch(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetchBatch");
    assertThatThrownBy(() -> DistributedJobsConfig.builder().fetchBatch(501))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetchBatch");
    assertThat(DistributedJobsConfig.defaults().fetchBatch()).as("each slot its own consumer").isEqualTo(1);
  }

  @Test
  void writesLingerAMillisecondAndTheStateReaderWaitsFiveByDefault() {
    assertThat(DistributedJobsConfig.defaults().writeLinger()).isEqualTo(Duration.ofMillis(1));
    assertThat(DistributedJobsConfig.defaults().stateFetchWait()).isEqualTo(Duration.ofMillis(5));
    assertThat(DistributedJobsConfig.builder().writeLinger(Duration.ZERO).stateFetchWait(Duration.ZERO).build())
        .extracting(DistributedJobsConfig::writeLinger, DistributedJobsConfig::stateFetchWait)
        .containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void configToBuilderKeepsEverySetting() {
    DistributedJobsConfig config = DistributedJobsConfig.builder().requestTopic("r").stateTopic("s").shareGroup("g")
        .partitions(2).replicationFactor(1).workers(3).lockDuration(Duration.ofSeconds(4))
        .heartbeatInterval(Duration.ofSeconds(1)).deliveryLimit(4).visibilityWait(Duration.ofSeconds(1))
        .writeTimeout(Duration.ofSeconds(2)).writeLinger(Duration.ofMillis(3)).stateFetchWait(Duration.ofMillis(7))
        .fetchBatch(5).replicaId("x").build();

    DistributedJobsConfig copy = config.toBuilder().build();

    assertThat(copy).usingRecursiveComparison().isEqualTo(config);
    assertThat(copy.writeTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(copy.writeLinger()).isEqualTo(Duration.ofMillis(3));
    assertThat(copy.stateFetchWait()).isEqualTo(Duration.ofMillis(7));
    assertThat(copy.fetchBatch()).isEqualTo(5);
    assertThat(DistributedJobsConfig.defaults().toBuilder().lockDuration(Duration.ofSeconds(9)).build()
        .heartbeatInterval()).as("an unset heartbeat follows the lock").isEqualTo(Duration.ofSeconds(3));
  }
}
