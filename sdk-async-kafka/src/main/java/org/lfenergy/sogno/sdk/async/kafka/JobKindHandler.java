package org.lfenergy.sogno.sdk.async.kafka;

import org.lfenergy.sogno.sdk.async.server.JobContext;

/**
 * The work of one job kind, given the job's typed request. Same contract as {@link
 * org.lfenergy.sogno.sdk.async.server.JobWork}: return the result (a plain object is written as JSON),
 * throw {@link org.lfenergy.sogno.sdk.async.server.JobFailureException} to fail with a problem (never
 * retried), {@link RetryableJobException} to have the job delivered again (to any replica), anything
 * else to fail with a generic {@code job-failed} problem.
 *
 * @param <R> the request type
 */
@FunctionalInterface
public interface JobKindHandler<R> {
  Object run(R request, JobContext context) throws Exception;
}
