package org.lfenergy.sogno.sdk.kafka;

/**
 * The event's payload could not be written as JSON with the publisher's {@code SognoJson}. Nothing
 * was sent. The cause is the SDK's {@code JsonException}.
 */
public final class EventSerializationException extends PublishException {
  private static final long serialVersionUID = 1L;

  /**
   * @param topic the topic the event was meant for
   * @param eventId the event's {@code ce_id}, {@code null} for a plain-JSON record
   * @param cause the JSON error
   */
  public EventSerializationException(String topic, String eventId, Throwable cause) {
    super("Cannot serialize " + (eventId == null ? "the record" : "event " + eventId) + " for topic " + topic + ": " + cause.getMessage(),
        topic, eventId, cause);
  }
}
