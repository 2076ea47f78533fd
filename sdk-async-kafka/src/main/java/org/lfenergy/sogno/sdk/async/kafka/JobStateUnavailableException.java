package org.lfenergy.sogno.sdk.async.kafka;

import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;

/**
 * The shared job state could not be written or read in time (Kafka unreachable, or a write not
 * acknowledged within {@link DistributedJobsConfig#writeTimeout()}). Nothing was changed on this
 * replica; the caller may retry. The job manager answers it with a 503 {@code job-state-unavailable}
 * problem. Unchecked.
 */
public class JobStateUnavailableException extends JobStoreUnavailableException {
  private static final long serialVersionUID = 1L;

  public JobStateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
