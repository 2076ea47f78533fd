package org.lfenergy.sogno.sdk.kafka;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a subscriber does with a record it gives up on: its handler failed every attempt of the
 * {@link HandlerRetryConfig}, or the record cannot be read at all (not a CloudEvent, unknown type,
 * payload that is not valid JSON for the registered type: {@link InvalidEventException}).
 *
 * <ul>
 *   <li>{@link Action#DEAD_LETTER} (the default): the record goes to a dead-letter topic with {@link
 *       DeadLetterHeaders}, then its offset is committed. The topic is {@code <topic>.dlt} unless named
 *       otherwise ({@link #deadLetterTo(String)}, {@link Builder#deadLetter(UnaryOperator)}). It must
 *       exist when the subscriber starts: {@link EventSubscriber#start()} fails with {@link
 *       TopicMissingException} otherwise. The SDK creates a missing dead-letter topic only when told to
 *       ({@link Builder#createMissingDeadLetterTopics(boolean)}), never by a side effect of writing to it.
 *   <li>{@link Action#SKIP}: the record is logged at WARN (where, attempts, the redacted failure),
 *       counted (meter {@code sogno.messaging.skipped}) and committed: it
 *       is lost to this group. For topics the service does not own, where nothing may be written.
 *   <li>{@link Action#STOP}: the consumer stops for good on the record ({@link UnhandledRecordException}
 *       in {@link EventSubscriber#failure()}, state {@code FAILED}); the record stays uncommitted, so
 *       the group's next owner of the partition reads it again.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class FailureConfig {
  private static final FailureConfig DEFAULTS = builder().build();
  private static final FailureConfig SKIP = builder().skip().build();
  private static final FailureConfig STOP = builder().stop().build();

  private final Action action;
  private final UnaryOperator<String> deadLetterNaming;
  private final String deadLetterDescription;
  private final boolean createMissingDeadLetterTopics;
  private final int deadLetterAttempts;

  private FailureConfig(Builder builder) {
    this.action = builder.action;
    this.deadLetterNaming = builder.deadLetterNaming;
    this.deadLetterDescription = builder.deadLetterDescription;
    this.createMissingDeadLetterTopics = builder.createMissingDeadLetterTopics;
    this.deadLetterAttempts = builder.deadLetterAttempts;
  }

  /**
   * Dead-letter to {@code <topic>.dlt}, which must exist, with 3 write attempts before the consumer
   * stops ({@link DeadLetterException}).
   */
  public static FailureConfig defaults() {
    return DEFAULTS;
  }

  /** Skip and log: the record is logged, counted and committed; nothing is written anywhere. */
  public static FailureConfig skip() {
    return SKIP;
  }

  /** Stop the consumer on the record, leaving it uncommitted. */
  public static FailureConfig stop() {
    return STOP;
  }

  /**
   * Dead-letter every record given up on, whatever topic it came from, to {@code topic}, which must
   * exist when the subscriber starts.
   *
   * @throws IllegalArgumentException if {@code topic} is blank
   */
  public static FailureConfig deadLetterTo(String topic) {
    return builder().deadLetterTo(topic).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.action = action;
    builder.deadLetterNaming = deadLetterNaming;
    builder.deadLetterDescription = deadLetterDescription;
    builder.createMissingDeadLetterTopics = createMissingDeadLetterTopics;
    builder.deadLetterAttempts = deadLetterAttempts;
    return builder;
  }

  /** What happens to a record given up on. */
  public Action action() {
    return action;
  }

  /** The dead-letter topic of records read from {@code topic} (used with {@link Action#DEAD_LETTER}). */
  public String deadLetterTopicOf(String topic) {
    return deadLetterNaming.apply(Objects.requireNonNull(topic, "topic"));
  }

  /** Whether {@link EventSubscriber#start()} creates missing dead-letter topics; default false. */
  public boolean createsMissingDeadLetterTopics() {
    return createMissingDeadLetterTopics;
  }

  /** Writes of one record to the dead-letter topic before the consumer stops; default 3. */
  public int deadLetterAttempts() {
    return deadLetterAttempts;
  }

  @Override
  public String toString() {
    return action != Action.DEAD_LETTER ? "FailureConfig{" + action + "}"
        : "FailureConfig{DEAD_LETTER to " + deadLetterDescription + ", attempts=" + deadLetterAttempts
            + (createMissingDeadLetterTopics ? ", creating missing topics" : "") + "}";
  }

  /** What a subscriber does with a record it gives up on. */
  public enum Action {
    /** Write it to the dead-letter topic, then commit. */
    DEAD_LETTER,
    /** Log it at WARN, count it, commit. */
    SKIP,
    /** Stop the consumer, leave it uncommitted. */
    STOP
  }

  /** Builds a {@link FailureConfig}. Not thread-safe. */
  public static final class Builder {
    private Action action = Action.DEAD_LETTER;
    private UnaryOperator<String> deadLetterNaming = TopicNames::deadLetter;
    private String deadLetterDescription = "<topic>.dlt";
    private boolean createMissingDeadLetterTopics;
    private int deadLetterAttempts = 3;

    private Builder() {}

    /** Skip and log (see {@link Action#SKIP}). */
    public Builder skip() {
      this.action = Action.SKIP;
      return this;
    }

    /** Stop the consumer (see {@link Action#STOP}). */
    public Builder stop() {
      this.action = Action.STOP;
      return this;
    }

    /**
     * Dead-letter to the topic {@code naming} returns for the record's topic; default {@code
     * <topic>.dlt} ({@link TopicNames#deadLetter(String)}).
     */
    public Builder deadLetter(UnaryOperator<String> naming) {
      this.action = Action.DEAD_LETTER;
      this.deadLetterNaming = Objects.requireNonNull(naming, "naming");
      this.deadLetterDescription = "the topics a naming function gives";
      return this;
    }

    /**
     * Dead-letter to one topic, whatever topic the record came from; the headers name its origin.
     *
     * @throws IllegalArgumentException if {@code topic} is blank
     */
    public Builder deadLetterTo(String topic) {
      Objects.requireNonNull(topic, "topic");
      if (topic.isBlank()) {
        throw new IllegalArgumentException("deadLetterTo must name a topic: '" + topic + "'");
      }
      this.action = Action.DEAD_LETTER;
      this.deadLetterNaming = source -> topic;
      this.deadLetterDescription = topic;
      return this;
    }

    /**
     * Whether {@link EventSubscriber#start()} creates dead-letter topics that do not exist (with the
     * broker's default partitions and replication factor) instead of failing; default false. Only
     * for dead-letter topics the service owns.
     */
    public Builder createMissingDeadLetterTopics(boolean create) {
      this.createMissingDeadLetterTopics = create;
      return this;
    }

    /**
     * How often a record is offered to the dead-letter topic before its consumer gives up and stops
     * ({@link DeadLetterException}); default 3, waits between attempts as after a handler's first
     * failure. The record stays uncommitted, so nothing is lost.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder deadLetterAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("deadLetterAttempts must be at least 1: " + attempts);
      }
      this.deadLetterAttempts = attempts;
      return this;
    }

    /** The configuration. */
    public FailureConfig build() {
      return new FailureConfig(this);
    }
  }
}
