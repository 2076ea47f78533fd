package org.lfenergy.sogno.sdk.async.server;


/**
 * The work of one job kind, given the job's typed request. Same contract as {@link JobWork}: return the result (a plain object is written as JSON),
 * throw {@link JobFailureException} to fail with a problem (never
 * retried), anything else to fail with a generic {@code job-failed} problem. Runtimes that run jobs
 * elsewhere may add their own (the Kafka runtime's {@code RetryableJobException} has the job
 * delivered again).
 *
 * @param <R> the request type
 */
@FunctionalInterface
public interface JobKindHandler<R> {
  Object run(R request, JobContext context) throws Exception;
}
