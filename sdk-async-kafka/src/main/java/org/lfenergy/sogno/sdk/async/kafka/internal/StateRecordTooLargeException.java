package org.lfenergy.sogno.sdk.async.kafka.internal;

import org.lfenergy.sogno.sdk.async.kafka.JobStateUnavailableException;

/**
 * A job state record is larger than Kafka accepts ({@code max.request.size} of the producer, {@code
 * max.message.bytes} of the topic): writing it again cannot help. Nothing was written.
 */
public final class StateRecordTooLargeException extends JobStateUnavailableException {
  private static final long serialVersionUID = 1L;

  StateRecordTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
