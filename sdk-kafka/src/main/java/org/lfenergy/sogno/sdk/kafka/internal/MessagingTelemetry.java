package org.lfenergy.sogno.sdk.kafka.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * A publisher's or subscriber's meters and spans as its {@link ObservabilityConfig} asks: the one
 * instrumentation point of publishing and processing. {@link #NONE} when neither is configured: the
 * meters are then {@link MessagingMeters#NONE} and the spans the shared {@link Publish#NONE} and
 * {@link Processing#NONE}, so nothing is allocated per record for them. The Micrometer and
 * OpenTelemetry classes are touched only when configured, so both stay optional. Thread-safe.
 */
public final class MessagingTelemetry {
  public static final MessagingTelemetry NONE = new MessagingTelemetry(MessagingMeters.NONE, null);

  private final MessagingMeters meters;
  private final MessagingTracing tracing;

  private MessagingTelemetry(MessagingMeters meters, MessagingTracing tracing) {
    this.meters = meters;
    this.tracing = tracing;
  }

  public static MessagingTelemetry of(ObservabilityConfig config) {
    if (!config.hasMetrics() && !config.hasTracing()) {
      return NONE;
    }
    return new MessagingTelemetry(
        config.hasMetrics() ? new MicrometerMessagingMeters(config.meterRegistry().orElseThrow()) : MessagingMeters.NONE,
        config.hasTracing() ? new MessagingTracing(config.openTelemetry().orElseThrow()) : null);
  }

  public MessagingMeters meters() {
    return meters;
  }

  /** Starts the span of a record about to be published to {@code topic}; {@code messageId} may be null. */
  public Publish publishing(String topic, String messageId) {
    return tracing == null ? Publish.NONE : tracing.publishing(topic, messageId);
  }

  /** Starts the span of a record being processed and makes it current on this thread until {@link Processing#ended}. */
  Processing processing(ConsumerRecord<?, ?> record, String groupId) {
    return tracing == null ? Processing.NONE : tracing.processing(record, groupId);
  }

  /** The span of one record published. */
  public interface Publish {
    Publish NONE = new Publish() {};

    /** Writes the span's trace context into the record's headers. */
    default void inject(Headers headers) {}

    /** The broker acknowledged ({@code metadata}) or the publish failed ({@code failure}); ends the span. */
    default void ended(RecordMetadata metadata, Throwable failure) {}
  }

  /** The span of one record processed by a subscriber, current on its consumer thread while it lasts. */
  interface Processing {
    Processing NONE = new Processing() {};

    /**
     * The record was matched to its handler. Its message id is asked for only here, so that without
     * tracing the event's id stays unconverted (see {@link CloudEventHeaders.Attributes}).
     */
    default void routed(Dispatch dispatch) {}

    /** A handler attempt failed (or the record could not be read: attempt 0). */
    default void attemptFailed(int attempt, Throwable failure) {}

    /** The record is done with: {@code outcome} as the process meter's tag; ends the span. */
    default void ended(String outcome) {}
  }
}
