package org.lfenergy.sogno.sdk.kafka;

/**
 * The platform's job events channel (see the SDK's AsyncAPI document,
 * {@code META-INF/asyncapi/sogno-sdk-kafka.asyncapi.yaml}): topic {@value #TOPIC}, {@code ce_type}
 * {@value #STATE_CHANGED}, {@code ce_subject} and key = the job id, payload = the Job resource.
 */
public final class JobEvents {
  /** The topic job state changes are published to. */
  public static final String TOPIC = "sogno.jobs.state-changed.v1";
  /** The CloudEvents type of a job state change. */
  public static final String STATE_CHANGED = "org.lfenergy.sogno.job.state-changed.v1";

  private JobEvents() {}

  /** The state-changed event type with the application's Job class as payload. */
  public static <T> EventType<T> stateChanged(Class<T> jobClass) {
    return EventType.of(STATE_CHANGED, jobClass);
  }
}
