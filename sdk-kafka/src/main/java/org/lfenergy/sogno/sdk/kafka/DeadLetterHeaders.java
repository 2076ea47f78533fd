package org.lfenergy.sogno.sdk.kafka;

import java.util.List;

/**
 * Headers a subscriber adds when it sends a record to its dead-letter topic ({@code <topic>.dlt}).
 * The record keeps its key, value and original headers; values are UTF-8 text. A record that is
 * dead-lettered again (e.g. replayed from the dead-letter topic and failing once more) keeps its
 * first origin and gets its failure headers replaced, never added to, so headers stay bounded:
 * messages are capped at {@value #MAX_MESSAGE_CHARS} characters and stack traces at
 * {@value #MAX_STACK_TRACE_BYTES} bytes.
 */
public final class DeadLetterHeaders {
  /** Topic the record was first consumed from. */
  public static final String ORIGINAL_TOPIC = "sogno-dlt-original-topic";
  /** Its partition there. */
  public static final String ORIGINAL_PARTITION = "sogno-dlt-original-partition";
  /** Its offset there. */
  public static final String ORIGINAL_OFFSET = "sogno-dlt-original-offset";
  /** Its Kafka timestamp there, epoch milliseconds. */
  public static final String ORIGINAL_TIMESTAMP = "sogno-dlt-original-timestamp";
  /** The consumer group that gave up on it. */
  public static final String CONSUMER_GROUP = "sogno-dlt-consumer-group";
  /** Fully qualified class name of the last failure. */
  public static final String EXCEPTION_CLASS = "sogno-dlt-exception-class";
  /** Message of the last failure, capped. */
  public static final String EXCEPTION_MESSAGE = "sogno-dlt-exception-message";
  /** Stack trace of the last failure, capped. */
  public static final String EXCEPTION_STACK_TRACE = "sogno-dlt-exception-stacktrace";
  /** Handler calls made before giving up (0 when the record never reached a handler). */
  public static final String ATTEMPTS = "sogno-dlt-attempts";

  /** Every header above. */
  public static final List<String> ALL = List.of(ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET,
      ORIGINAL_TIMESTAMP, CONSUMER_GROUP, EXCEPTION_CLASS, EXCEPTION_MESSAGE, EXCEPTION_STACK_TRACE, ATTEMPTS);

  /** Cap of {@link #EXCEPTION_MESSAGE}, in characters. */
  public static final int MAX_MESSAGE_CHARS = 1024;
  /** Cap of {@link #EXCEPTION_STACK_TRACE}, in UTF-8 bytes. */
  public static final int MAX_STACK_TRACE_BYTES = 4096;

  private DeadLetterHeaders() {}
}
