package org.lfenergy.sogno.sdk.async.kafka;

/**
 * The shared job state could not be written or read in time (Kafka unreachable, or a write not
 * acknowledged). Nothing was changed on this replica; the caller may retry. Unchecked.
 */
public class JobStateUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobStateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
