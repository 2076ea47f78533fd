package org.lfenergy.sogno.sdk.async.kafka;

import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.async.server.JobKindHandler;

/**
 * Thrown by a {@link JobKindHandler} whose failure may pass (a dependency down, a lock held): in
 * distributed mode the job's request is released to the share group and delivered again, to this or
 * another replica, until the group's delivery limit; then the job fails with the problem {@code
 * job-delivery-limit-reached}. In local mode it fails the job like any other exception. Unchecked.
 */
public class RetryableJobException extends SognoException {
  private static final long serialVersionUID = 1L;

  public RetryableJobException(String message) {
    super(message);
  }

  public RetryableJobException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
