package org.lfenergy.sogno.sdk.kafka.internal;

/**
 * What publishers and subscribers measure: {@link #NONE} without a meter registry, else {@link
 * MicrometerMessagingMeters}. Implementations are thread-safe and cheap: they are called on the
 * publishing thread, the producer's I/O thread and the consumer threads. Tags are bounded: topics,
 * registered event types (unknown types are reported as {@code unknown}) and fixed outcome names.
 */
public interface MessagingMeters {
  /** Records nothing. */
  MessagingMeters NONE = new MessagingMeters() {};

  /** An event was acknowledged ({@code success}) or failed to publish. */
  default void published(String topic, String eventType, boolean success, long nanos) {}

  /**
   * A handler finished with an event or record: {@code outcome} is {@code success}, {@code
   * dead_lettered} or {@code skipped}; {@code eventType} is {@code json} on a plain-JSON topic.
   */
  default void processed(String topic, String eventType, String outcome, long nanos) {}

  /** A handler failed and will be called again for the same event. */
  default void retried(String topic, String eventType) {}

  /** A record went to the dead-letter topic; {@code reason} is the exception's simple class name. */
  default void deadLettered(String topic, String reason) {}

  /** A record was given up on and skipped: committed without being handled. */
  default void skipped(String topic, String reason) {}

  /** The dead-letter topic did not take a record (one failed write). */
  default void deadLetterFailed(String topic, String reason) {}

  /** A consumer of the group stopped for good; {@code reason} is the simple class name of what stopped it. */
  default void consumerStopped(String groupId, String reason) {}
}
