package org.lfenergy.sogno.sdk.kafka;

import org.lfenergy.sogno.sdk.kafka.internal.MicrometerDetection;

/**
 * Receives what publishers and subscribers measure. The default, {@link #auto()}, records Micrometer
 * meters in {@code Metrics.globalRegistry} when Micrometer is on the classpath and does nothing
 * otherwise; {@code MicrometerMessagingMetrics.of(registry)} targets a registry of your choice.
 *
 * <p>Implementations must be thread-safe and cheap: they are called on the publishing thread, the
 * producer's I/O thread and the consumer threads. Tags are bounded: topics, registered event types
 * (unknown types are reported as {@code unknown}) and fixed outcome names.
 */
public interface MessagingMetrics {
  /** An event was acknowledged ({@code success}) or failed to publish. */
  void published(String topic, String eventType, boolean success, long nanos);

  /**
   * A handler finished with an event or record: {@code outcome} is {@code success}, {@code
   * dead-lettered} or {@code skipped}; {@code eventType} is {@code json} on a plain-JSON topic.
   */
  void handled(String topic, String eventType, String outcome, long nanos);

  /** A handler failed and will be called again for the same event. */
  void retried(String topic, String eventType);

  /** A record went to the dead-letter topic; {@code reason} is the exception's simple class name. */
  void deadLettered(String topic, String reason);

  /**
   * A record was given up on and skipped ({@link FailureConfig#skip()}): committed without being
   * handled; {@code reason} is the failure's simple class name. Default: nothing.
   */
  default void skipped(String topic, String reason) {}

  /**
   * The dead-letter topic did not take a record (one failed write); {@code reason} is the failure's
   * simple class name. After the subscriber's dead-letter attempts the consumer stops ({@link
   * #consumerStopped}). Default: nothing.
   */
  default void deadLetterFailed(String topic, String reason) {}

  /**
   * A consumer of the group stopped for good, see {@link EventSubscriber#failure()}: {@code reason} is
   * the simple class name of what stopped it ({@code DeadLetterException}, or an {@code Error} a handler
   * threw). Default: nothing.
   */
  default void consumerStopped(String groupId, String reason) {}

  /** Records nothing. */
  static MessagingMetrics none() {
    return NoMetrics.INSTANCE;
  }

  /** Micrometer's global registry when Micrometer is on the classpath, else {@link #none()}. */
  static MessagingMetrics auto() {
    return MicrometerDetection.globalRegistryMetrics().orElse(NoMetrics.INSTANCE);
  }

  /** The null object. */
  enum NoMetrics implements MessagingMetrics {
    INSTANCE;

    @Override
    public void published(String topic, String eventType, boolean success, long nanos) {}

    @Override
    public void handled(String topic, String eventType, String outcome, long nanos) {}

    @Override
    public void retried(String topic, String eventType) {}

    @Override
    public void deadLettered(String topic, String reason) {}
  }
}
