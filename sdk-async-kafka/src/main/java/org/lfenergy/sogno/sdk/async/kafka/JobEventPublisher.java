package org.lfenergy.sogno.sdk.async.kafka;

import java.util.Objects;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobListener} that publishes every job status change as a CloudEvent: topic {@value
 * JobEvents#TOPIC}, {@code ce_type} {@value JobEvents#STATE_CHANGED}, {@code ce_subject} and key = the
 * job id (so one job's events keep their order), payload = the Job resource.
 *
 * <pre>{@code
 * JobManager jobs = JobManager.builder().listener(JobEventPublisher.create(publisher)).build();
 * }</pre>
 *
 * <p>Publishing is asynchronous and never blocks or fails the job: a refused event is logged. Events are
 * at least once from the job's point of view of this replica (the publisher's producer is idempotent),
 * but a job redelivered to another replica may publish {@code running} twice. Thread-safe; the
 * publisher stays owned by the caller.
 */
public final class JobEventPublisher implements JobListener {
  private static final Logger log = LoggerFactory.getLogger(JobEventPublisher.class);
  private static final EventType<Job> STATE_CHANGED = JobEvents.stateChanged(Job.class);

  private final EventPublisher publisher;
  private final String topic;

  private JobEventPublisher(EventPublisher publisher, String topic) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** Publishes to {@value JobEvents#TOPIC}. */
  public static JobEventPublisher create(EventPublisher publisher) {
    return new JobEventPublisher(publisher, JobEvents.TOPIC);
  }

  /** Publishes to another topic (tests, or a service-specific channel). */
  public static JobEventPublisher create(EventPublisher publisher, String topic) {
    return new JobEventPublisher(publisher, topic);
  }

  @Override
  public void onStateChanged(JobStateChange change) {
    Job job = change.job();
    try {
      publisher.publishAsync(topic, Event.of(STATE_CHANGED, job).subject(job.id()).build())
          .whenComplete((result, error) -> {
            if (error != null) {
              log.warn("Job event {} -> {} of job {} not published", change.previous().orElse(null), job.status(),
                  job.id(), error);
            }
          });
    } catch (RuntimeException e) {
      log.warn("Job event of job {} not published", job.id(), e);
    }
  }
}
