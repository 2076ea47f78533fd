package org.lfenergy.sogno.sdk.kafka;

/**
 * The dead-letter topic did not take a record, in every one of the subscriber's dead-letter attempts
 * ({@link EventSubscriber.Builder#deadLetterAttempts(int)}). The consumer that held the record stops
 * rather than loop on it: the record stays uncommitted (nothing is lost, the next owner of the
 * partition reads it again), {@link EventSubscriber#state()} turns {@code FAILED} and {@link
 * EventSubscriber#failure()} returns this exception. The cause is the last write's failure (topic
 * missing with auto-creation off, record larger than the topic's {@code max.message.bytes}, no
 * acknowledgement in time, not authorized, ...).
 */
public final class DeadLetterException extends MessagingException {
  private static final long serialVersionUID = 1L;

  /** {@code message} names the record and the dead-letter topic. */
  public DeadLetterException(String message, Throwable cause) {
    super(message, cause);
  }
}
