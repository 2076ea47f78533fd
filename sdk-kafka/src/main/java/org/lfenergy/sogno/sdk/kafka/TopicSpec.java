package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a topic should look like: partitions, replication factor, retention, compaction and other
 * topic configs. Immutable. The name is not checked against {@link TopicNames} so that existing
 * topics can be provisioned too; check it with {@link TopicNames#requireValid(String)}.
 */
public final class TopicSpec {
  private final String name;
  private final int partitions;
  private final short replicationFactor;
  private final Map<String, String> configs;

  private TopicSpec(Builder builder) {
    this.name = builder.name;
    this.partitions = builder.partitions;
    this.replicationFactor = builder.replicationFactor;
    this.configs = Map.copyOf(builder.configs);
  }

  /** A builder for topic {@code name}: 1 partition, replication factor 3 (production default). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The topic. */
  public String name() {
    return name;
  }

  /** Partitions. */
  public int partitions() {
    return partitions;
  }

  /** Replicas per partition. */
  public short replicationFactor() {
    return replicationFactor;
  }

  /** Topic configs ({@code retention.ms}, {@code cleanup.policy}, ...). */
  public Map<String, String> configs() {
    return configs;
  }

  /** {@code retention.ms}, if set. */
  public Optional<Duration> retention() {
    return Optional.ofNullable(configs.get("retention.ms")).map(Long::parseLong).map(Duration::ofMillis);
  }

  @Override
  public String toString() {
    return name + "{partitions=" + partitions + ", replicationFactor=" + replicationFactor + ", configs=" + configs + "}";
  }

  /** Builds a {@link TopicSpec}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private int partitions = 1;
    private short replicationFactor = 3;
    private final Map<String, String> configs = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("topic name must not be blank");
      }
    }

    /** At least 1. */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    /** At least 1; 3 in production, 1 on a single test broker. */
    public Builder replicationFactor(int replicationFactor) {
      if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
        throw new IllegalArgumentException("replicationFactor must be at least 1: " + replicationFactor);
      }
      this.replicationFactor = (short) replicationFactor;
      return this;
    }

    /** {@code retention.ms}. */
    public Builder retention(Duration retention) {
      return config("retention.ms", String.valueOf(retention.toMillis()));
    }

    /** {@code cleanup.policy=compact} (keep the last record per key) or {@code delete}. */
    public Builder compacted(boolean compacted) {
      return config("cleanup.policy", compacted ? "compact" : "delete");
    }

    /** Any topic config. */
    public Builder config(String name, String value) {
      configs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The spec. */
    public TopicSpec build() {
      return new TopicSpec(this);
    }
  }
}
