package org.lfenergy.sogno.samples.powerflow;

import java.net.URI;
import java.time.Duration;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every job state change to {@value JobEvents#TOPIC} (SOGNO-605, SOGNO-900): a CloudEvent
 * of type {@value JobEvents#STATE_CHANGED} in binary mode, subject and key = the job id, payload =
 * the Job resource as {@code GET /v1/jobs/{id}} shows it.
 *
 * <p>Publishing is asynchronous so a slow broker never holds up a job; a failed publish is logged
 * with the job id and status (events are notifications: pollers still see every state). {@link
 * #close()} flushes what is pending. Thread-safe.
 */
final class JobEventsToKafka implements JobListener, AutoCloseable {
  static final URI SOURCE = URI.create("/sogno/powerflow");
  private static final Logger log = LoggerFactory.getLogger(JobEventsToKafka.class);

  private final EventPublisher publisher;

  JobEventsToKafka(KafkaSettings settings, SognoJson json) {
    this.publisher = EventPublisher.builder().settings(settings).source(SOURCE).json(json).build();
  }

  @Override
  public void onStateChanged(JobStateChange change) {
    Job job = change.job();
    Event<Job> event = Event.of(JobEvents.stateChanged(Job.class), job).subject(job.id()).build();
    publisher.publishAsync(JobEvents.TOPIC, event).whenComplete((published, failure) -> {
      if (failure != null) {
        log.warn("Could not publish the {} event of job {}: {}", job.status(), job.id(),
            failure.toString());
      }
    });
  }

  @Override
  public void close() {
    publisher.close(Duration.ofSeconds(10));
  }
}
