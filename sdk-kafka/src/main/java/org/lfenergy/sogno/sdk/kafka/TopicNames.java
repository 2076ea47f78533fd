package org.lfenergy.sogno.sdk.kafka;

import java.util.regex.Pattern;

/**
 * The platform's topic names: {@code sogno.<domain>.<event>.v<N>}, lower-case kebab-case segments
 * (e.g. {@code sogno.jobs.state-changed.v1}); the dead-letter topic of a topic is
 * {@code <topic>.dlt}.
 */
public final class TopicNames {
  private static final String SEGMENT = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile("sogno\\.(" + SEGMENT + ")\\.(" + SEGMENT + ")\\.v[1-9][0-9]*");
  private static final Pattern SEGMENT_PATTERN = Pattern.compile(SEGMENT);
  /** Suffix of dead-letter topics. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";
  private static final int MAX_KAFKA_NAME = 249;

  private TopicNames() {}

  /**
   * {@code sogno.<domain>.<event>.v<version>}.
   *
   * @throws IllegalArgumentException if a segment is not lower-case kebab-case or the version is
   *     not positive
   */
  public static String of(String domain, String event, int version) {
    requireSegment(domain, "domain");
    requireSegment(event, "event");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1: " + version);
    }
    return requireValid("sogno." + domain + "." + event + ".v" + version);
  }

  /** True if {@code topic} follows the naming rule. */
  public static boolean isValid(String topic) {
    return topic != null && topic.length() <= MAX_KAFKA_NAME - DEAD_LETTER_SUFFIX.length() && NAME.matcher(topic).matches();
  }

  /**
   * Returns {@code topic} if it follows the naming rule.
   *
   * @throws IllegalArgumentException otherwise, saying what the rule is
   */
  public static String requireValid(String topic) {
    if (!isValid(topic)) {
      throw new IllegalArgumentException(
          "topic " + topic + " does not follow sogno.<domain>.<event>.v<N> (lower-case kebab-case segments)");
    }
    return topic;
  }

  /** {@code <topic>.dlt}. */
  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }

  private static void requireSegment(String segment, String name) {
    if (segment == null || !SEGMENT_PATTERN.matcher(segment).matches()) {
      throw new IllegalArgumentException(name + " must be lower-case kebab-case: " + segment);
    }
  }
}
