package org.lfenergy.sogno.sdk.kafka;

/**
 * An event was not written to Kafka: the broker refused it, or it was not acknowledged within the
 * producer's {@code delivery.timeout.ms}. The event may or may not have been written when the cause
 * is a timeout; publishing it again is safe for consumers that de-duplicate by {@code ce_id}.
 */
public class PublishException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final String topic;
  private final String eventId;

  /**
   * @param message what went wrong
   * @param topic the topic the event was meant for
   * @param eventId the event's {@code ce_id}, {@code null} for a plain-JSON record
   * @param cause the Kafka error
   */
  public PublishException(String message, String topic, String eventId, Throwable cause) {
    super(message, cause);
    this.topic = topic;
    this.eventId = eventId;
  }

  /** The topic the event was meant for. */
  public String topic() {
    return topic;
  }

  /** The {@code ce_id} of the event that was not published; {@code null} for a plain-JSON record. */
  public String eventId() {
    return eventId;
  }
}
