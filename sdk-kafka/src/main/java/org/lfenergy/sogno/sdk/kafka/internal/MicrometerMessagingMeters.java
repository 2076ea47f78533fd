package org.lfenergy.sogno.sdk.kafka.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link MessagingMeters} as Micrometer meters, named like the rest of the SDK's ({@code
 * sogno.<area>.<thing>}); names and tags are listed in {@code docs/observability.md}. Loaded only when
 * a registry is configured, so Micrometer stays optional. Thread-safe; meters are cached.
 */
final class MicrometerMessagingMeters implements MessagingMeters {
  static final String PUBLISH = "sogno.messaging.publish";
  static final String PROCESS = "sogno.messaging.process";
  static final String RETRIES = "sogno.messaging.retries";
  static final String DEAD_LETTERS = "sogno.messaging.dead.letters";
  static final String SKIPPED = "sogno.messaging.skipped";
  static final String DEAD_LETTER_FAILURES = "sogno.messaging.dead.letter.failures";
  static final String CONSUMER_STOPPED = "sogno.messaging.consumer.stopped";

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  MicrometerMessagingMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void published(String topic, String eventType, boolean success, long nanos) {
    timer(PUBLISH, "Records published, until acknowledged or refused", topic, eventType,
        success ? "success" : "failure").record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void processed(String topic, String eventType, String outcome, long nanos) {
    timer(PROCESS, "Records processed by a subscriber, retries included", topic, eventType, outcome)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void retried(String topic, String eventType) {
    counter(RETRIES, "Handler calls repeated after a failure", "topic", topic, "type", eventType).increment();
  }

  @Override
  public void deadLettered(String topic, String reason) {
    counter(DEAD_LETTERS, "Records sent to the dead-letter topic", "topic", topic, "reason", reason).increment();
  }

  @Override
  public void skipped(String topic, String reason) {
    counter(SKIPPED, "Records given up on and skipped", "topic", topic, "reason", reason).increment();
  }

  @Override
  public void deadLetterFailed(String topic, String reason) {
    counter(DEAD_LETTER_FAILURES, "Dead-letter writes that failed", "topic", topic, "reason", reason).increment();
  }

  @Override
  public void consumerStopped(String groupId, String reason) {
    counter(CONSUMER_STOPPED, "Consumers stopped for good by a failure", "group", groupId, "reason", reason)
        .increment();
  }

  private Counter counter(String name, String description, String firstTag, String first, String tag, String value) {
    return counters.computeIfAbsent(name + "|" + first + "|" + value,
        key -> Counter.builder(name).description(description).tag(firstTag, first).tag(tag, value).register(registry));
  }

  private Timer timer(String name, String description, String topic, String eventType, String outcome) {
    return timers.computeIfAbsent(name + "|" + topic + "|" + eventType + "|" + outcome,
        key -> Timer.builder(name).description(description)
            .tag("topic", topic).tag("type", eventType).tag("outcome", outcome)
            .register(registry));
  }
}
