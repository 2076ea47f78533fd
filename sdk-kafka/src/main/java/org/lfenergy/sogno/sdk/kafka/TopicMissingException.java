package org.lfenergy.sogno.sdk.kafka;

import java.util.List;

/**
 * {@link EventSubscriber#start()} found that a topic it needs does not exist: a topic it is to read,
 * or the dead-letter topic its {@link FailureConfig} names (or its principal may not describe the topic,
 * so Kafka does not list it). Thrown at once, before any consumer
 * thread runs; the subscriber created nothing (no topic, no consumer left open). The SDK does not
 * create topics it reads, and creates dead-letter topics only when told to ({@link
 * FailureConfig.Builder#createMissingDeadLetterTopics(boolean)}).
 */
public final class TopicMissingException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final List<String> topics;

  /**
   * @param message which topics are missing, what they are for and how to fix it
   * @param topics the missing topics
   */
  public TopicMissingException(String message, List<String> topics) {
    super(message, null);
    this.topics = List.copyOf(topics);
  }

  /** The topics that do not exist. */
  public List<String> topics() {
    return topics;
  }
}
