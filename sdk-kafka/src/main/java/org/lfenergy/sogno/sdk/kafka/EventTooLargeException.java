package org.lfenergy.sogno.sdk.kafka;

/**
 * The serialized event (payload, key and headers) is larger than the producer's
 * {@code max.request.size} or the broker's {@code message.max.bytes}. Nothing was written. Split the
 * payload or publish a reference to it (a claim check) instead.
 */
public final class EventTooLargeException extends PublishException {
  private static final long serialVersionUID = 1L;
  private final long sizeBytes;
  private final long limitBytes;

  /**
   * @param topic the topic the event was meant for
   * @param eventId the event's {@code ce_id}, {@code null} for a plain-JSON record
   * @param sizeBytes the event's size on the wire, {@code -1} when only the broker knew it
   * @param limitBytes the limit that was exceeded, {@code -1} when only the broker knew it
   * @param cause the broker's error, or {@code null} when the SDK refused before sending
   */
  public EventTooLargeException(
      String topic, String eventId, long sizeBytes, long limitBytes, Throwable cause) {
    super(message(topic, eventId, sizeBytes, limitBytes), topic, eventId, cause);
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  /** The event's size on the wire in bytes, or {@code -1} when the broker refused it. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** The limit in bytes, or {@code -1} when the broker refused it. */
  public long limitBytes() {
    return limitBytes;
  }

  private static String message(String topic, String eventId, long size, long limit) {
    String sizes = size < 0 ? "larger than the broker accepts" : size + " bytes, limit " + limit + " bytes";
    return (eventId == null ? "The record" : "Event " + eventId) + " for topic " + topic + " is too large: " + sizes;
  }
}
