package org.lfenergy.sogno.sdk.kafka;

/**
 * A subscriber configured with {@link FailureConfig#stop()} gave up on a record: its handler failed
 * every attempt, or the record could not be read ({@link InvalidEventException} as the cause). The
 * consumer that held it stopped for good: the record stays uncommitted (the group's next owner of the
 * partition reads it again), {@link EventSubscriber#state()} is {@code FAILED} and {@link
 * EventSubscriber#failure()} returns this exception. The message names the record's topic, partition
 * and offset; the cause is the last failure.
 */
public final class UnhandledRecordException extends MessagingException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the record; {@code cause} is why it could not be handled. */
  public UnhandledRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
