package org.lfenergy.sogno.sdk.kafka.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.kafka.MessagingMetrics;

/**
 * {@link MessagingMetrics} as Micrometer meters:
 *
 * <ul>
 *   <li>{@code sogno.kafka.publish} timer, tags {@code topic}, {@code type}, {@code outcome}
 *       ({@code success}|{@code failure});
 *   <li>{@code sogno.kafka.handle} timer, tags {@code topic}, {@code type}, {@code outcome}
 *       ({@code success}|{@code dead-lettered}|{@code skipped}), {@code type} {@code json} on plain-JSON topics;
 *   <li>{@code sogno.kafka.retries} counter, tags {@code topic}, {@code type};
 *   <li>{@code sogno.kafka.dead.letters} counter, tags {@code topic}, {@code reason};
 *   <li>{@code sogno.kafka.skipped} counter, tags {@code topic}, {@code reason}: records given up on and
 *       skipped ({@code FailureConfig.skip()});
 *   <li>{@code sogno.kafka.dead.letter.failures} counter, tags {@code topic}, {@code reason}: writes the
 *       dead-letter topic refused;
 *   <li>{@code sogno.kafka.consumer.stopped} counter, tags {@code group}, {@code reason}: consumers
 *       stopped for good (alert on it).
 * </ul>
 *
 * Needs {@code io.micrometer:micrometer-core} on the classpath. Thread-safe; meters are cached.
 */
public final class MicrometerMessagingMetrics implements MessagingMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  private MicrometerMessagingMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Meters in {@code registry}. */
  public static MicrometerMessagingMetrics of(MeterRegistry registry) {
    return new MicrometerMessagingMetrics(registry);
  }

  @Override
  public void published(String topic, String eventType, boolean success, long nanos) {
    timer("sogno.kafka.publish", topic, eventType, success ? "success" : "failure")
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handled(String topic, String eventType, String outcome, long nanos) {
    timer("sogno.kafka.handle", topic, eventType, outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retried(String topic, String eventType) {
    counter("sogno.kafka.retries", "Handler calls repeated after a failure", topic, "type", eventType).increment();
  }

  @Override
  public void deadLettered(String topic, String reason) {
    counter("sogno.kafka.dead.letters", "Records sent to the dead-letter topic", topic, "reason", reason).increment();
  }

  @Override
  public void skipped(String topic, String reason) {
    counter("sogno.kafka.skipped", "Records given up on and skipped", topic, "reason", reason).increment();
  }

  @Override
  public void deadLetterFailed(String topic, String reason) {
    counter("sogno.kafka.dead.letter.failures", "Dead-letter writes that failed", topic, "reason", reason).increment();
  }

  @Override
  public void consumerStopped(String groupId, String reason) {
    counter("sogno.kafka.consumer.stopped", "Consumers stopped for good by a failure", "group", groupId, "reason",
        reason).increment();
  }

  private Counter counter(String name, String description, String topic, String tag, String value) {
    return counter(name, description, "topic", topic, tag, value);
  }

  private Counter counter(String name, String description, String firstTag, String first, String tag, String value) {
    return counters.computeIfAbsent(name + "|" + first + "|" + value,
        key -> Counter.builder(name).description(description).tag(firstTag, first).tag(tag, value).register(registry));
  }

  private Timer timer(String name, String topic, String eventType, String outcome) {
    return timers.computeIfAbsent(
        name + "|" + topic + "|" + eventType + "|" + outcome,
        key -> Timer.builder(name)
            .tag("topic", topic).tag("type", eventType).tag("outcome", outcome)
            .register(registry));
  }
}
