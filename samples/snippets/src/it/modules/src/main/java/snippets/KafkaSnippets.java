package snippets;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.EventSubscriber;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.HandlerRetryConfig;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.JsonPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.kafka.TopicNames;
import org.lfenergy.sogno.sdk.kafka.TopicProvisioner;
import org.lfenergy.sogno.sdk.kafka.TopicSpec;

/** sdk-kafka/README.md. */
class KafkaSnippets {
  interface Monitor {
    void update(Job job);
  }

  // snippet-start:measurement
  record Measurement(String bus, double voltage, OffsetDateTime time) {}
  // snippet-end:measurement

  interface MeasurementMonitor {
    void update(Measurement measurement);
  }

  EventSubscriber plainJson(MeasurementMonitor monitor) {
    // snippet-start:plain-json
    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(KafkaConfig.fromEnvironment())
        .groupId("grid-monitor")
        .onJson("dpsim.powerflow.output", Measurement.class, message -> monitor.update(message.data()))
        .onFailure(FailureConfig.skip())     // or FailureConfig.stop(), or FailureConfig.deadLetterTo("grid-monitor.dlt")
        .build()
        .start();                            // TopicMissingException if the topic does not exist
    // snippet-end:plain-json
    return subscriber;
  }

  void plainJsonOut(KafkaConfig kafka, OffsetDateTime now) {
    // snippet-start:json-publisher
    try (JsonPublisher publisher = JsonPublisher.builder().kafka(kafka).build()) {
      publisher.publish("dpsim.powerflow.output", "N7", new Measurement("N7", 1.01, now));
    }
    // snippet-end:json-publisher
  }

  void publishAndSubscribe(Job job, String requestId, String traceparent, Monitor monitor) {
    // snippet-start:use
    KafkaConfig kafka = KafkaConfig.fromEnvironment();          // SOGNO_KAFKA_BOOTSTRAP_SERVERS, ...
    try (TopicProvisioner provisioner = TopicProvisioner.create(kafka)) {   // or your deployment creates them
      provisioner.provision(
          TopicSpec.builder(JobEvents.TOPIC).partitions(6).replicationFactor(3).retention(Duration.ofDays(7)).build(),
          TopicSpec.builder(TopicNames.deadLetter(JobEvents.TOPIC)).partitions(1).replicationFactor(3).build());
    }
    EventType<Job> jobChanged = JobEvents.stateChanged(Job.class);   // ce_type org.lfenergy.sogno.job.state-changed.v1

    try (EventPublisher publisher = EventPublisher.builder()
            .kafka(kafka)
            .source(URI.create("/sogno/powerflow"))
            .build()) {
      publisher.publish(JobEvents.TOPIC, Event.of(jobChanged, job)
          .subject(job.id())                 // key = subject: events of one job stay in order
          .requestId(requestId)              // ce_requestid
          .traceparent(traceparent)          // ce_traceparent (+ plain traceparent header)
          .build());
      // or publishAsync(...) -> CompletableFuture<PublishResult>
    }

    EventSubscriber subscriber = EventSubscriber.builder()
        .kafka(kafka)
        .groupId("grid-monitor")
        .topics(JobEvents.TOPIC)
        .on(jobChanged, event -> monitor.update(event.data()))   // the allow-list: one handler per ce_type
        .retry(HandlerRetryConfig.builder()
            .backoff(Backoff.builder().maxAttempts(5).initialDelay(Duration.ofMillis(200)).build()).build())
        .consumers(3)                                            // 3 consumers in the group
        .build()                                                 // dead-letters to <topic>.dlt by default
        .start();
    // on shutdown:
    subscriber.close();
    // snippet-end:use
  }
}
