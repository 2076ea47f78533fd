package org.lfenergy.sogno.sdk.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a received event was read from: topic, partition, offset, record timestamp and key, plus
 * the handler attempt (1 on first delivery to the handler, 2 on its first in-process retry, ...).
 * Immutable.
 */
public final class Delivery {
  private final String topic;
  private final int partition;
  private final long offset;
  private final Instant timestamp;
  private final byte[] key;
  private final int attempt;

  Delivery(String topic, int partition, long offset, Instant timestamp, byte[] key, int attempt) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.attempt = attempt;
  }

  /** The topic the record was read from. */
  public String topic() {
    return topic;
  }

  /** The partition the record was read from. */
  public int partition() {
    return partition;
  }

  /** The record's offset in its partition. */
  public long offset() {
    return offset;
  }

  /** The record's Kafka timestamp. */
  public Instant timestamp() {
    return timestamp;
  }

  /** The record key as UTF-8 text, if the record had one. */
  public Optional<String> key() {
    return key == null ? Optional.empty() : Optional.of(new String(key, StandardCharsets.UTF_8));
  }

  /** 1 for the first call of the handler for this record, 2 for the first retry, ... */
  public int attempt() {
    return attempt;
  }

  Delivery withAttempt(int attempt) {
    return new Delivery(topic, partition, offset, timestamp, key, attempt);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset + " (attempt " + attempt + ")";
  }
}
