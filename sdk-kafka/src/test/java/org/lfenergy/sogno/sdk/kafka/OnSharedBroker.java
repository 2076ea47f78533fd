package org.lfenergy.sogno.sdk.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/** Test classes on the run's shared broker, with one publisher per class. */
abstract class OnSharedBroker {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();
  static EventPublisher publisher;

  @BeforeAll
  static void createPublisher() {
    publisher = Fixtures.publisher(kafka.broker());
  }

  @AfterAll
  static void closePublisher() {
    publisher.close();
  }
}
