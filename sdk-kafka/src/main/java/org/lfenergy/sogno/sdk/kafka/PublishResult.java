package org.lfenergy.sogno.sdk.kafka;

import java.time.Instant;

/** Where the broker stored a published event or plain-JSON record. Immutable. */
public final class PublishResult {
  private final String eventId;
  private final String topic;
  private final int partition;
  private final long offset;
  private final Instant timestamp;

  PublishResult(String eventId, String topic, int partition, long offset, Instant timestamp) {
    this.eventId = eventId;
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
  }

  /** The event's {@code ce_id}; {@code null} for a plain-JSON record ({@link JsonPublisher}). */
  public String eventId() {
    return eventId;
  }

  /** The topic. */
  public String topic() {
    return topic;
  }

  /** The partition the key chose. */
  public int partition() {
    return partition;
  }

  /** The record's offset. */
  public long offset() {
    return offset;
  }

  /** The record timestamp the broker kept. */
  public Instant timestamp() {
    return timestamp;
  }

  @Override
  public String toString() {
    return eventId + " -> " + topic + "-" + partition + "@" + offset;
  }
}
