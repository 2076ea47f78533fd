package org.lfenergy.sogno.sdk.async.kafka;

import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * The shared job state could not be written or read in time (Kafka unreachable, or a write not
 * acknowledged). Nothing was changed on this replica; the caller may retry. Unchecked.
 */
public class JobStateUnavailableException extends SognoException {
  private static final long serialVersionUID = 1L;

  public JobStateUnavailableException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
