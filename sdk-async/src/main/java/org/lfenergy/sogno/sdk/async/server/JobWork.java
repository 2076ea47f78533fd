package org.lfenergy.sogno.sdk.async.server;

/**
 * The work of one job, run on a {@link JobManager} worker thread.
 *
 * <p>Return the result: a plain object is written as JSON, a {@link JobResult} is stored as is, null
 * means no result body. Throw {@link JobFailureException} to fail with a problem of your choosing; any
 * other exception fails the job with a generic {@code job-failed} problem (its message is logged, never
 * exposed). Check {@link JobContext#isCancellationRequested()} in loops and stop by throwing (or let an
 * interruptible call throw {@link InterruptedException}): the job then ends {@code cancelled}.
 */
@FunctionalInterface
public interface JobWork {
  /**
   * @param context progress reporting and cancellation checks for this job
   * @return the job's result, or null
   * @throws Exception to fail (or, after a cancellation request, to stop) the job
   */
  Object run(JobContext context) throws Exception;
}
