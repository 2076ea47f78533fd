package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.TypeRef;
import org.lfenergy.sogno.sdk.kafka.internal.ConsumerProperties;
import org.lfenergy.sogno.sdk.kafka.internal.ConsumerWorker;
import org.lfenergy.sogno.sdk.kafka.internal.DeadLetterWriter;
import org.lfenergy.sogno.sdk.kafka.internal.HandlerRegistration;
import org.lfenergy.sogno.sdk.kafka.internal.JsonRegistration;
import org.lfenergy.sogno.sdk.kafka.internal.MessagingTelemetry;
import org.lfenergy.sogno.sdk.kafka.internal.ProducerProperties;
import org.lfenergy.sogno.sdk.kafka.internal.RecordProcessor;
import org.lfenergy.sogno.sdk.kafka.internal.RecordRoutes;
import org.lfenergy.sogno.sdk.kafka.internal.Redaction;
import org.lfenergy.sogno.sdk.kafka.internal.RequiredTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes CloudEvents from Kafka and hands each to the handler registered for its {@code ce_type};
 * and plain-JSON topics (no CloudEvents attributes, e.g. another team's measurements), each to the
 * one typed handler registered for the topic ({@link Builder#onJson}).
 *
 * <pre>{@code
 * EventSubscriber subscriber = EventSubscriber.builder()
 *     .kafka(KafkaConfig.fromEnvironment())
 *     .groupId("grid-monitor")
 *     .topics(JobEvents.TOPIC)
 *     .on(JobEvents.stateChanged(Job.class), event -> monitor.update(event.data()))
 *     .build()
 *     .start();
 * // ... on shutdown:
 * subscriber.close();
 * }</pre>
 *
 * <ul>
 *   <li><b>Allow-list.</b> Only registered event types are deserialized, into the registered Java
 *       type. CloudEvents come in binary mode ({@code ce_} headers) or structured mode ({@code
 *       content-type: application/cloudevents+json}). Records that are no valid CloudEvent, of an
 *       unregistered type, or with an unreadable payload are given up on at once ({@link
 *       InvalidEventException}); on a plain-JSON topic, a value that is not valid JSON for its type.
 *   <li><b>Topics checked.</b> {@link #start()} fails with {@link TopicMissingException} if a topic
 *       to read or a dead-letter topic does not exist: nothing is created unless told to.
 *   <li><b>At least once.</b> An offset is committed only after its handler returned or the record
 *       was given up on per the {@link FailureConfig}; also when partitions are revoked and on {@link
 *       #close()}.
 *   <li><b>Retries.</b> A failing handler is called again per the {@link HandlerRetryConfig}; between
 *       attempts the consumer pauses its partitions and keeps polling. Then the {@link FailureConfig}
 *       decides: dead-letter (default, {@code <topic>.dlt} with {@link DeadLetterHeaders}), skip and
 *       log, or stop.
 *   <li><b>Failures.</b> If the dead-letter topic refuses a record {@link
 *       FailureConfig#deadLetterAttempts() times}, a handler throws an {@link Error}, or a record is
 *       given up on with {@link FailureConfig#stop()}, that consumer stops for good: logged at ERROR,
 *       counted, and visible through {@link #state()} and {@link #failure()} for health checks.
 *   <li><b>Scaling.</b> {@link Builder#consumers(int)} consumers in one group, each on its own
 *       thread; order is kept per partition.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} wakes every consumer, lets it commit what it handled and waits
 * for it.
 */
public final class EventSubscriber implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventSubscriber.class);

  private final Builder config;
  private final List<ConsumerWorker> workers = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private DeadLetterWriter deadLetters;
  private volatile boolean started;
  private volatile boolean closed;

  private EventSubscriber(Builder config) {
    this.config = config;
  }

  /**
   * A builder; settings, group id, and topics with handlers ({@link Builder#topics} with {@link
   * Builder#on}, or {@link Builder#onJson}) are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the consumers and starts their threads.
   *
   * <p>First it checks, through the first consumer, that every topic to read and every dead-letter
   * topic exists (creating missing dead-letter topics if {@link
   * FailureConfig.Builder#createMissingDeadLetterTopics(boolean) told to}); a topic that appears later
   * is not waited for.
   *
   * @throws IllegalStateException if already started or closed
   * @throws TopicMissingException if a topic to read or a dead-letter topic does not exist; nothing
   *     was created and every consumer is closed
   * @throws MessagingException if Kafka did not list its topics within the {@link Builder#startTimeout}
   * @throws org.apache.kafka.common.KafkaException if a consumer cannot be created (bad settings);
   *     the consumers created before are closed
   */
  public synchronized EventSubscriber start() {
    if (started || closed) {
      throw new IllegalStateException("a subscriber starts once");
    }
    deadLetters = new DeadLetterWriter(config.settings, config.producerProperties, config.failures::deadLetterTopicOf,
        config.groupId, config.deadLetterTimeout);
    MessagingTelemetry telemetry = MessagingTelemetry.of(config.observability);
    RecordProcessor processor = new RecordProcessor(config.routes, config.json, config.retry, config.failures,
        deadLetters, config.groupId, telemetry);
    List<String> topics = config.routes.topics();
    List<Consumer<byte[], byte[]>> consumers = new ArrayList<>();
    try {
      for (int i = 0; i < config.consumers; i++) {
        Map<String, Object> properties =
            ConsumerProperties.of(config.settings, config.consumerProperties, config.groupId, config.groupId + "-" + i);
        consumers.add(Objects.requireNonNull(config.consumerFactory.apply(Collections.unmodifiableMap(properties)),
            "the consumer factory returned null"));
        if (i == 0) {
          log.info("Subscriber {} on {} for {}, {}, with {}", config.groupId, topics, config.routes, config.failures,
              Redaction.redact(properties));
        }
      }
      RequiredTopics.check(consumers.get(0), topics, config.failures, config.settings, config.startTimeout);
    } catch (RuntimeException e) {
      consumers.forEach(Consumer::close); // the ones created before the failure
      deadLetters.close();
      throw e;
    }
    for (Consumer<byte[], byte[]> consumer : consumers) {
      ConsumerWorker worker = new ConsumerWorker(consumer, config.groupId, topics, processor, telemetry.meters(),
          config.pollTimeout, config.closeTimeout);
      threads.add(new Thread(worker, "sogno-subscriber-" + config.groupId + "-" + workers.size()));
      workers.add(worker);
    }
    started = true;
    threads.forEach(Thread::start);
    return this;
  }

  /**
   * True from {@link #start()} until {@link #close()} begins, while every consumer thread runs; the
   * same as {@code state() == State.RUNNING}.
   */
  public boolean isRunning() {
    return state() == State.RUNNING;
  }

  /**
   * Where the subscriber is, for health checks: {@link State#FAILED} as soon as one of its consumers
   * stopped for good (see {@link #failure()}), even while the others still run. Thread-safe.
   */
  public State state() {
    if (closed) {
      return State.CLOSED;
    }
    if (!started) {
      return State.NEW;
    }
    return workers.stream().anyMatch(ConsumerWorker::isFinished) ? State.FAILED : State.RUNNING;
  }

  /**
   * What stopped a consumer for good, if anything did: an {@link Error} a handler threw (it is not
   * retried or dead-lettered; the record stays uncommitted), a {@link DeadLetterException} when the
   * dead-letter topic refused a record in every attempt, an {@link UnhandledRecordException} when a
   * record was given up on with {@link FailureConfig#stop()}, or an unexpected Kafka failure. Logged at
   * ERROR and counted ({@code sogno.messaging.consumer.stopped}) when it happens. Stays set after
   * {@link #close()}. Thread-safe.
   */
  public Optional<Throwable> failure() {
    return workers.stream().map(ConsumerWorker::failure).filter(Objects::nonNull).findFirst();
  }

  /** The life cycle of a subscriber as {@link #state()} reports it. */
  public enum State {
    /** Built, not started. */
    NEW,
    /** Every consumer polls. */
    RUNNING,
    /**
     * A consumer stopped for good ({@link #failure()} says why); the others, if any, keep running and
     * take its partitions over. Restart the service (or close and build a new subscriber) after fixing
     * the cause.
     */
    FAILED,
    /** {@link #close()} was called. */
    CLOSED
  }

  /** The consumer group. */
  public String groupId() {
    return config.groupId;
  }

  /**
   * Stops every consumer: wakes it, lets it commit what it handled, closes it; waits up to the
   * close timeout per consumer. A record being dead-lettered when the write has not been sent yet (its
   * topic's metadata still awaited) is left uncommitted for the group's next consumer. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    workers.forEach(ConsumerWorker::shutdown);
    closed = true;
    if (deadLetters != null) {
      deadLetters.close(); // a dead-letter write still waiting for its topic fails now, not in a minute
    }
    try {
      for (ConsumerWorker worker : workers) {
        if (!worker.awaitFinished(config.closeTimeout.plusSeconds(5))) {
          log.warn("A consumer of {} did not stop within {}", config.groupId, config.closeTimeout);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings of an {@link EventSubscriber}. Not thread-safe. */
  public static final class Builder {
    private KafkaConfig settings;
    private String groupId;
    private List<String> topics = List.of();
    private final Map<String, HandlerRegistration<?>> handlers = new LinkedHashMap<>();
    private final Map<String, JsonRegistration<?>> jsonTopics = new LinkedHashMap<>();
    private FailureConfig failures = FailureConfig.defaults();
    private Duration startTimeout = Duration.ofSeconds(30);
    private RecordRoutes routes;
    private HandlerRetryConfig retry = HandlerRetryConfig.defaults();
    private SognoJson json = SognoJson.defaults();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private int consumers = 1;
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private Duration deadLetterTimeout = Duration.ofSeconds(30);
    private final Map<String, String> consumerProperties = new LinkedHashMap<>();
    private final Map<String, String> producerProperties = new LinkedHashMap<>();
    private Function<Map<String, Object>, Consumer<byte[], byte[]>> consumerFactory = KafkaConsumer::new;

    private Builder() {}

    /** Where Kafka is. Required. */
    public Builder kafka(KafkaConfig settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The consumer group. Required. */
    public Builder groupId(String groupId) {
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      return this;
    }

    /** The CloudEvents topics to consume; their handlers are registered with {@link #on}. */
    public Builder topics(String... topics) {
      this.topics = List.of(topics);
      return this;
    }

    /**
     * Registers the handler of one event type; together the registrations are the allow-list.
     *
     * @throws IllegalArgumentException if the type is registered already
     */
    public <T> Builder on(EventType<T> type, EventHandler<T> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type.name(), new HandlerRegistration<>(type, handler)) != null) {
        throw new IllegalArgumentException("event type " + type.name() + " has a handler already");
      }
      return this;
    }

    /** How failing handlers are retried; default {@link HandlerRetryConfig#defaults()}. */
    public Builder retry(HandlerRetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** The JSON configuration for payloads; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * Where meters and spans go; default {@link ObservabilityConfig#defaults()} (none). With an
     * OpenTelemetry, each record is processed under a {@code CONSUMER} span {@code <topic> process}
     * that continues the trace of its {@code traceparent} header and is current while the handler runs.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /**
     * Registers the one handler of a plain-JSON topic: every record of {@code topic} is read as
     * {@code payloadClass} with the subscriber's {@link #json SognoJson}, no CloudEvents attributes
     * needed or read. The topic is consumed with the same commits, retries, backpressure, metrics
     * (type tag {@code json}), spans and {@link #onFailure FailureConfig} as CloudEvents topics.
     *
     * @throws IllegalArgumentException if the topic has a handler already
     */
    public <T> Builder onJson(String topic, Class<T> payloadClass, JsonHandler<T> handler) {
      Objects.requireNonNull(payloadClass, "payloadClass");
      return onJson(topic, JsonRegistration.of(payloadClass, Objects.requireNonNull(handler, "handler")));
    }

    /** {@link #onJson(String, Class, JsonHandler)} for a generic payload type. */
    public <T> Builder onJson(String topic, TypeRef<T> payloadType, JsonHandler<T> handler) {
      Objects.requireNonNull(payloadType, "payloadType");
      return onJson(topic, JsonRegistration.of(payloadType, Objects.requireNonNull(handler, "handler")));
    }

    private Builder onJson(String topic, JsonRegistration<?> registration) {
      Objects.requireNonNull(topic, "topic");
      if (jsonTopics.putIfAbsent(topic, registration) != null) {
        throw new IllegalArgumentException("topic " + topic + " has a handler already");
      }
      return this;
    }

    /**
     * What happens to a record given up on (handler failed every attempt, or unreadable); default
     * {@link FailureConfig#defaults()}: dead-letter to {@code <topic>.dlt}, which must exist.
     */
    public Builder onFailure(FailureConfig failures) {
      this.failures = Objects.requireNonNull(failures, "failures");
      return this;
    }

    /** How long {@link EventSubscriber#start()} waits for Kafka to list its topics; default 30 s. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = positive(startTimeout, "startTimeout");
      return this;
    }

    /** Consumers in the group, each on its own thread; default 1. More than partitions idle. */
    public Builder consumers(int consumers) {
      if (consumers < 1) {
        throw new IllegalArgumentException("consumers must be at least 1: " + consumers);
      }
      this.consumers = consumers;
      return this;
    }

    /** Longest wait of one poll; default 500 ms. */
    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = positive(pollTimeout, "pollTimeout");
      return this;
    }

    /** How long {@link EventSubscriber#close()} waits per consumer; default 30 s. */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = positive(closeTimeout, "closeTimeout");
      return this;
    }

    /** Any consumer property ({@code max.poll.records}, {@code auto.offset.reset}, ...). */
    public Builder consumerProperty(String name, String value) {
      consumerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Creates each consumer from the properties the SDK computed (settings, {@link
     * #consumerProperty overrides}, then what it insists on: manual commits, byte-array deserializers,
     * the group id); default {@code new KafkaConsumer<>(properties)}. For wrapping the consumer
     * (tracing or metrics instrumentation) or running the subscriber against a test double such as
     * Kafka's {@code MockConsumer} (whose {@code updatePartitions} must list the topics: {@link
     * EventSubscriber#start()} checks them through the first consumer). The consumer must honour
     * those properties; the subscriber polls, commits and closes it on its own thread.
     */
    public Builder consumerFactory(Function<Map<String, Object>, Consumer<byte[], byte[]>> factory) {
      this.consumerFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Any property of the dead-letter producer; the same rules as for publishers apply. */
    public Builder deadLetterProducerProperty(String name, String value) {
      producerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @throws IllegalArgumentException if something required is missing, a property conflicts with
     *     at-least-once delivery, or the retry policy's worst-case backoff does not fit in
     *     {@code max.poll.interval.ms}
     */
    public EventSubscriber build() {
      if (settings == null || groupId == null || groupId.isBlank()) {
        throw new IllegalArgumentException("settings and groupId are required");
      }
      routes = new RecordRoutes(topics, handlers, jsonTopics);
      Map<String, Object> properties = ConsumerProperties.of(settings, consumerProperties, groupId, groupId);
      ProducerProperties.of(settings, producerProperties, groupId + "-dlt");
      ConsumerProperties.requireFits(properties, retry.backoff().worstCaseTotalDelay());
      return new EventSubscriber(this);
    }

    private static Duration positive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
