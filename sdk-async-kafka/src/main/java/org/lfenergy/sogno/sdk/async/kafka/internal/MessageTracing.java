package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * The trace context of distributed jobs on their way through Kafka, as an {@link ObservabilityConfig}
 * asks: the one instrumentation point of job requests, their delivery to a worker and job events
 * awaited (the run itself is the {@code job {kind}} span of sdk-async's {@code JobTelemetry}, a child
 * of the delivery's span). {@link #NONE} without an OpenTelemetry: then nothing is written into
 * headers, no span is started and the shared {@link Run#NONE} stands for every delivery. The
 * OpenTelemetry classes are touched only when configured. Thread-safe.
 */
public final class MessageTracing {
  public static final MessageTracing NONE = new MessageTracing(null);

  private final JobTracing tracing;

  private MessageTracing(JobTracing tracing) {
    this.tracing = tracing;
  }

  public static MessageTracing of(ObservabilityConfig config) {
    return config.hasTracing() ? new MessageTracing(new JobTracing(config.openTelemetry().orElseThrow())) : NONE;
  }

  /** Writes the current trace context (the submitter's) into a job request's headers. */
  void requested(Headers headers) {
    if (tracing != null) {
      tracing.inject(headers);
    }
  }

  /**
   * Starts the span of a job request taken by a worker, continuing the submitter's trace from the
   * request's headers; current on the worker's thread until {@link Run#ended}.
   */
  Run running(ConsumerRecord<?, ?> request, String shareGroup, String kind, int attempt) {
    return tracing == null ? Run.NONE : tracing.running(request, shareGroup, kind, attempt);
  }

  /**
   * Completes {@code waiting} with {@code job}, read from the job event {@code record}, under the
   * event's span continuing the trace of the job that changed state.
   */
  public void received(ConsumerRecord<?, ?> record, Job job, CompletableFuture<Job> waiting) {
    if (tracing == null) {
      waiting.complete(job);
    } else {
      tracing.received(record, job, waiting);
    }
  }

  /** The span of one delivery of a job request to a worker. */
  interface Run {
    Run NONE = new Run() {};

    /** The job's work threw {@code failure}. */
    default void failed(Throwable failure) {}

    /** The run is over; {@code acknowledgement} is how its delivery was acknowledged, null if not. Ends the span. */
    default void ended(String acknowledgement) {}
  }
}
