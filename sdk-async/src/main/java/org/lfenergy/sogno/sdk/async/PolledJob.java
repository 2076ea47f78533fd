package org.lfenergy.sogno.sdk.async;

import org.lfenergy.sogno.sdk.core.ResponseInfo;

/**
 * A job as one response showed it: the job, the body read untyped (for a dialect's inline result;
 * null when read by the convention's codec) and the response's status and headers.
 */
record PolledJob(Job job, Object body, ResponseInfo info) {}
