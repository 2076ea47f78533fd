package org.lfenergy.sogno.samples.quickstart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * Creates the job-events topic when it is missing, so the client's event consumer can take its
 * position before the first job starts (on a broker that auto-creates topics it would otherwise
 * wait for the first event).
 */
final class EventTopic {
  private EventTopic() {
  }

  static void ensure(KafkaConfig kafka) {
    Map<String, Object> properties = new HashMap<>(kafka.properties());
    try (Admin admin = Admin.create(properties)) {
      admin.createTopics(List.of(new NewTopic(JobEvents.TOPIC, Optional.empty(), Optional.empty())))
          .all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create " + JobEvents.TOPIC + " on "
            + kafka.bootstrapServers(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " did not answer in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted creating " + JobEvents.TOPIC, e);
    }
  }
}
