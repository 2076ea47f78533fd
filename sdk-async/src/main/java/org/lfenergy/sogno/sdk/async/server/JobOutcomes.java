package org.lfenergy.sogno.sdk.async.server;

import java.util.concurrent.CancellationException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a job's work produced, as stored: its result, or the problem clients see. The one mapping used
 * by the {@link JobManager} and by runtimes that run work elsewhere (durable or distributed workers).
 * Stateless and thread-safe.
 */
public final class JobOutcomes {
  private static final Logger log = LoggerFactory.getLogger(JobOutcomes.class);

  private JobOutcomes() {}

  /** A {@link JobResult} as is, null as no result, anything else as JSON. */
  public static JobResult result(Object outcome, SognoJson json) {
    if (outcome == null) {
      return JobResult.empty();
    }
    if (outcome instanceof JobResult) {
      return (JobResult) outcome;
    }
    return JobResult.of(json.write(outcome), "application/json");
  }

  /**
   * The work's own problem ({@link JobFailureException}), or a generic {@code job-failed} one that
   * leaks nothing (the cause is logged instead).
   */
  public static Problem problem(String jobId, Throwable failure) {
    if (failure instanceof JobFailureException) {
      return ((JobFailureException) failure).problem();
    }
    if (failure instanceof CancellationException) {
      log.debug("Job {} stopped itself without a cancellation request", jobId);
    } else {
      log.warn("Job {} failed", jobId, failure);
    }
    return Problem.builder()
        .code("job-failed")
        .status(500)
        .title("Job failed")
        .detail("The job failed with an internal error")
        .build();
  }
}
