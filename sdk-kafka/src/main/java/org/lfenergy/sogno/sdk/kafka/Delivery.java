package org.lfenergy.sogno.sdk.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
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

  private Delivery(String topic, int partition, long offset, Instant timestamp, byte[] key, int attempt) {
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

  /**
   * Where a record was read from, as the subscriber reports it; also for handler tests.
   *
   * @param key the record key as sent (null when it had none); not copied
   * @throws IllegalArgumentException if {@code attempt} is below 1, or partition or offset negative
   */
  public static Delivery of(String topic, int partition, long offset, Instant timestamp, byte[] key, int attempt) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(timestamp, "timestamp");
    if (partition < 0 || offset < 0 || attempt < 1) {
      throw new IllegalArgumentException("partition and offset must not be negative and attempt at least 1: "
          + partition + "@" + offset + ", attempt " + attempt);
    }
    return new Delivery(topic, partition, offset, timestamp, key, attempt);
  }

  /**
   * A copy for another handler attempt.
   *
   * @throws IllegalArgumentException if {@code attempt} is below 1
   */
  public Delivery withAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    return new Delivery(topic, partition, offset, timestamp, key, attempt);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset + " (attempt " + attempt + ")";
  }
}
