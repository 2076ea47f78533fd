package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.RetryableJobException;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobListeners;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state changes of jobs run by this replica's workers, written to the shared store and reported to
 * the listeners through sdk-async's {@link JobListeners} (so each change is also logged on the jobs
 * logger, as for in-process jobs, with the delivery attempt); and which acknowledgement each outcome
 * gets.
 */
public final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final KafkaJobStore store;
  private final JobListeners listeners;
  private final SognoJson json;
  private final Clock clock;
  private final Duration ttl;
  private final Duration lease;
  private final int deliveryLimit;

  public JobRunner(KafkaJobStore store, List<JobListener> listeners, SognoJson json, Clock clock, Duration ttl,
      Duration lease, int deliveryLimit) {
    this.store = store;
    this.listeners = JobListeners.of(listeners);
    this.json = json;
    this.clock = clock;
    this.ttl = ttl;
    this.lease = lease;
    this.deliveryLimit = deliveryLimit;
  }

  /**
   * Takes the job under a new lease; empty if it is unknown, expired or already terminal. The
   * {@code running} write is pipelined: the job starts while it is on its way, and the job's next
   * awaited write (its outcome, a heartbeat) is acknowledged only after it.
   */
  Optional<JobRecord> claim(String jobId, String worker, int attempt) {
    return change(jobId, record -> record.job().isTerminal()
        ? record
        : record.withJob(Transitions.start(record.job(), worker, attempt, now(), lease)), store::updatePipelined)
        .filter(record -> record.job().status().equals(JobStatus.RUNNING));
  }

  void heartbeat(String jobId) {
    store.update(jobId, record -> running(record) ? record.withJob(Transitions.renew(record.job(), now(), lease)) : record);
  }

  void progress(String jobId, JobProgress progress) {
    store.update(jobId, record -> running(record) ? record.withJob(Transitions.progress(record.job(), progress, now())) : record)
        .filter(JobRunner::running)
        .ifPresent(record -> listeners.progress(record.job()));
  }

  /** The job as this replica last read or wrote it; empty if unknown or gone. */
  Optional<Job> job(String jobId) {
    return store.peek(jobId).map(JobRecord::job);
  }

  boolean cancelRequested(String jobId) {
    return store.peek(jobId).map(JobRecord::cancelRequested).orElse(false);
  }

  /** Records the outcome of a run and says how to acknowledge its delivery. */
  AcknowledgeType finish(String jobId, Object outcome, Throwable failure, boolean cancelRequested, int attempt) {
    if (failure == null) {
      JobResult result;
      try {
        result = toResult(outcome);
      } catch (RuntimeException e) {
        return finish(jobId, null, e, cancelRequested, attempt);
      }
      try {
        change(jobId, record -> running(record)
            ? record.withResult(result).withJob(Transitions.succeed(record.job(), now(), ttl))
            : record);
      } catch (StateRecordTooLargeException e) {
        // Another delivery would produce the same result: fail the job instead of leaving it running.
        log.warn("Job {} returned a result of {} bytes, more than its state record can hold; failing it", jobId,
            result.size(), e);
        fail(jobId, problem("job-result-too-large", "Job result too large", "The job's result (" + result.size()
            + " bytes) is larger than the job state can hold"));
        return AcknowledgeType.REJECT;
      }
      return AcknowledgeType.ACCEPT;
    }
    if (cancelRequested) {
      change(jobId, record -> running(record) ? record.withJob(Transitions.cancel(record.job(), now(), ttl)) : record);
      return AcknowledgeType.ACCEPT;
    }
    if (failure instanceof RetryableJobException) {
      if (attempt < deliveryLimit) {
        log.info("Job {} failed on attempt {} of {}; released for another delivery", jobId, attempt, deliveryLimit, failure);
        store.update(jobId, record -> running(record) ? record.withJob(Transitions.released(record.job(), now())) : record);
        return AcknowledgeType.RELEASE;
      }
      fail(jobId, deliveryLimitReached(attempt));
      return AcknowledgeType.REJECT;
    }
    fail(jobId, problemFor(jobId, failure));
    return AcknowledgeType.REJECT;
  }

  /** Fails a job that cannot run (unknown kind, unreadable request, delivery limit). */
  public void fail(String jobId, Problem problem) {
    change(jobId, record -> record.job().isTerminal() ? record : record.withJob(Transitions.fail(record.job(), problem, now(), ttl)));
  }

  public Problem deliveryLimitReached(int attempt) {
    return problem("job-delivery-limit-reached", "Job delivery limit reached",
        "The job was delivered " + attempt + " times without finishing");
  }

  public static Problem problem(String code, String title, String detail) {
    return Problem.builder().code(code).status(500).title(title).detail(detail).build();
  }

  /** Updates the job (awaiting the write) and reports a status change to the listeners. */
  private Optional<JobRecord> change(String jobId, UnaryOperator<JobRecord> change) {
    return change(jobId, change, store::update);
  }

  private Optional<JobRecord> change(String jobId, UnaryOperator<JobRecord> change,
      BiFunction<String, UnaryOperator<JobRecord>, Optional<JobRecord>> update) {
    JobStatus[] before = new JobStatus[1];
    Optional<JobRecord> after = update.apply(jobId, record -> {
      before[0] = record.job().status();
      return change.apply(record);
    });
    after.filter(record -> !record.job().status().equals(before[0])).ifPresent(record -> {
      JobStateChange stateChange = JobStateChange.of(record.job(), before[0], record.owner().orElse(null));
      int attempt = Transitions.attempt(record.job());
      listeners.stateChanged(attempt > 0 ? stateChange.withAttempt(attempt) : stateChange);
    });
    return after;
  }

  private Problem problemFor(String jobId, Throwable failure) {
    if (failure instanceof JobFailureException) {
      return ((JobFailureException) failure).problem();
    }
    if (!(failure instanceof CancellationException)) {
      log.warn("Job {} failed", jobId, failure);
    }
    return problem("job-failed", "Job failed", "The job failed with an internal error");
  }

  private JobResult toResult(Object outcome) {
    if (outcome == null) {
      return JobResult.empty();
    }
    return outcome instanceof JobResult ? (JobResult) outcome : JobResult.of(json.write(outcome), "application/json");
  }

  private static boolean running(JobRecord record) {
    return record.job().status().equals(JobStatus.RUNNING);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
