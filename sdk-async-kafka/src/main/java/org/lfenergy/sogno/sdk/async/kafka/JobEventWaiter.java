package org.lfenergy.sogno.sdk.async.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.kafka.internal.ClientProperties;
import org.lfenergy.sogno.sdk.async.kafka.internal.MessageTracing;
import org.lfenergy.sogno.sdk.async.kafka.internal.Partitions;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side of job events: waits for a job's terminal state from the job-events topic instead of
 * polling, and falls back to polling (the {@link JobHandle}) when no event arrives in time — events
 * may be late, lost to a misconfigured publisher, or published before this waiter started.
 *
 * <pre>{@code
 * try (JobEventWaiter events = JobEventWaiter.start(KafkaConfig.fromEnvironment())) {
 *   Job done = events.awaitTerminal(handle, Duration.ofSeconds(30), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Reads every partition from the end at start, without a consumer group (nothing is committed,
 * every waiter sees every event). Only records whose {@code ce_type} is {@value
 * JobEvents#STATE_CHANGED} are read; unreadable ones are skipped. With tracing ({@link
 * Builder#observability}), a terminal event someone waits for is received under a {@code CONSUMER}
 * span {@code <topic> process} that continues the trace the event carries (the job's, and so its
 * submitter's); the waits complete while it is current. Thread-safe.
 */
public final class JobEventWaiter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobEventWaiter.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final SognoJson json;
  private final MessageTracing tracing;
  private final ConcurrentHashMap<String, CompletableFuture<Job>> waiting = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> assigned = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean closed;

  private JobEventWaiter(KafkaConfig settings, String topic, SognoJson json, ObservabilityConfig observability) {
    this.json = json;
    this.tracing = MessageTracing.of(observability);
    this.consumer = new KafkaConsumer<>(ClientProperties.reader(settings, "sogno-job-events-" + UUID.randomUUID()));
    this.thread = new Thread(() -> run(topic), "sogno-job-event-waiter");
    this.thread.setDaemon(true);
  }

  /** Starts reading {@value JobEvents#TOPIC}; returns once positioned at its end. */
  public static JobEventWaiter start(KafkaConfig settings) {
    return builder().kafka(settings).start();
  }

  /** Starts reading {@code topic}; returns once positioned at its end (at most 30 s). */
  public static JobEventWaiter start(KafkaConfig settings, String topic, SognoJson json) {
    return builder().kafka(settings).topic(topic).json(json).start();
  }

  /** A builder; {@link Builder#kafka} is required. */
  public static Builder builder() {
    return new Builder();
  }

  private static JobEventWaiter start(Builder builder) {
    String topic = builder.topic;
    JobEventWaiter waiter = new JobEventWaiter(builder.settings, topic, builder.json, builder.observability);
    waiter.thread.start();
    try {
      waiter.assigned.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Job events topic {} not ready; waits will fall back to polling", topic, e);
    }
    return waiter;
  }

  /**
   * A future completed with the job's first terminal state seen on the topic from now on; it may never
   * complete (use {@link #awaitTerminal} for the polling fallback).
   */
  public CompletableFuture<Job> terminal(String jobId) {
    return waiting.computeIfAbsent(Objects.requireNonNull(jobId, "jobId"), id -> new CompletableFuture<>());
  }

  /**
   * The job's terminal state: from its event if one arrives within {@code eventWait}, else by polling
   * through {@code handle} for the rest of {@code timeout}. Polls once first, so a job that ended before
   * the call is answered at once.
   *
   * @throws org.lfenergy.sogno.sdk.async.JobTimeoutException if the job is not terminal within {@code
   *     timeout}
   * @throws org.lfenergy.sogno.sdk.core.SognoException what polling throws (e.g. job not found)
   */
  public Job awaitTerminal(JobHandle<?> handle, Duration eventWait, Duration timeout) {
    long start = System.nanoTime();
    CompletableFuture<Job> event = terminal(handle.jobId());
    try {
      Job now = handle.poll();
      if (now.isTerminal()) {
        return now;
      }
      Duration wait = eventWait.compareTo(timeout) < 0 ? eventWait : timeout;
      try {
        return event.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        log.debug("No terminal event of job {} within {}; polling", handle.jobId(), wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SognoException("Interrupted waiting for job " + handle.jobId(), e, null);
      }
      Duration left = timeout.minusNanos(System.nanoTime() - start);
      return handle.awaitTerminal(left.isNegative() ? Duration.ZERO : left);
    } finally {
      waiting.remove(handle.jobId(), event);
    }
  }

  private void run(String topic) {
    try {
      List<TopicPartition> partitions = Partitions.of(consumer, topic, Duration.ofSeconds(30));
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, so later events are seen
      assigned.complete(null);
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          receive(record);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      assigned.completeExceptionally(e);
      log.warn("Job event waiter stopped; waits fall back to polling", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void receive(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader("ce_type");
    if (type == null || record.value() == null
        || !JobEvents.STATE_CHANGED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
      return;
    }
    try {
      Job job = json.read(record.value(), Job.class);
      CompletableFuture<Job> future = job.isTerminal() ? waiting.get(job.id()) : null;
      if (future != null) {
        tracing.received(record, job, future);
      }
    } catch (JsonException e) {
      log.debug("Skipping unreadable job event at {}-{}@{}", record.topic(), record.partition(), record.offset());
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of a {@link JobEventWaiter}. Not thread-safe. */
  public static final class Builder {
    private KafkaConfig settings;
    private String topic = JobEvents.TOPIC;
    private SognoJson json = SognoJson.defaults();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();

    private Builder() {}

    /** Where Kafka is. Required. */
    public Builder kafka(KafkaConfig settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The job-events topic; default {@value JobEvents#TOPIC}. */
    public Builder topic(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      return this;
    }

    /** How job events are read; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Where spans go; default {@link ObservabilityConfig#defaults()} (none). */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /**
     * Starts reading the topic; returns once positioned at its end (at most 30 s; after that, waits
     * fall back to polling).
     *
     * @throws NullPointerException if the settings are missing
     */
    public JobEventWaiter start() {
      Objects.requireNonNull(settings, "settings");
      return JobEventWaiter.start(this);
    }
  }
}
