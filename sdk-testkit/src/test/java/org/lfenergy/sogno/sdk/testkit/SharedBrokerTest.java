package org.lfenergy.sogno.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedBrokerTest {
  static final AtomicReference<EmbeddedKafkaBroker> seen = new AtomicReference<>();

  @Nested
  class FirstClass {
    @RegisterExtension
    final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

    @Test
    void getsTheRunsSharedBroker() {
      assertThat(kafka.broker().isRunning()).isTrue();
      assertThat(seen.compareAndSet(null, kafka.broker()) || seen.get() == kafka.broker()).isTrue();
    }
  }

  @Nested
  class SecondClass {
    @RegisterExtension
    final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

    @Test
    void getsTheSameBrokerAsTheFirst() {
      assertThat(seen.compareAndSet(null, kafka.broker()) || seen.get() == kafka.broker()).isTrue();
      assertThat(kafka.broker().isRunning()).isTrue();
    }
  }
}
