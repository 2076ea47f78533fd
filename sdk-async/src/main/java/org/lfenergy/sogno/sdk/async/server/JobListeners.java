package org.lfenergy.sogno.sdk.async.server;

import java.util.List;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners called in order, for runtimes that change jobs outside a {@link JobManager} (durable or
 * distributed workers): a failing listener is logged and skipped, never breaks the caller. Every
 * status change is also logged on {@link JobManagerConfig#LOGGER_NAME}: one INFO line (job id, kind,
 * from → to), or a WARN line for a job that failed (with its problem's code and title and the
 * attempt, never its detail). Immutable and thread-safe.
 */
public final class JobListeners {
  private static final Logger log = LoggerFactory.getLogger(JobListeners.class);
  private static final Logger changes = LoggerFactory.getLogger(JobManagerConfig.LOGGER_NAME);

  private final List<JobListener> listeners;

  JobListeners(List<JobListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** The listeners, in calling order. */
  public static JobListeners of(List<JobListener> listeners) {
    return new JobListeners(listeners);
  }

  /** Reports a status change to every listener. */
  public void stateChanged(JobStateChange change) {
    logChange(change);
    for (JobListener listener : listeners) {
      try {
        listener.onStateChanged(change);
      } catch (RuntimeException e) {
        log.warn("Job listener {} failed on {}", listener, change, e);
      }
    }
  }

  private static void logChange(JobStateChange change) {
    Job job = change.job();
    boolean failed = job.status().equals(JobStatus.FAILED);
    if (failed ? !changes.isWarnEnabled() : !changes.isInfoEnabled()) {
      return;
    }
    String from = change.previous().map(JobStatus::value).orElse("new");
    String kind = job.kind().orElse("-");
    if (!failed) {
      changes.info("Job {} ({}): {} -> {}", job.id(), kind, from, job.status().value());
      return;
    }
    Problem problem = job.problem().orElse(null);
    changes.warn("Job {} ({}): {} -> failed{}: {} ({})", job.id(), kind, from,
        change.attempt().isPresent() ? " on attempt " + change.attempt().getAsInt() : "",
        problem == null ? "no problem" : problem.code(), problem == null ? "" : problem.title());
  }

  /** Reports new progress of a running job to every listener. */
  public void progress(Job job) {
    for (JobListener listener : listeners) {
      try {
        listener.onProgress(job);
      } catch (RuntimeException e) {
        log.warn("Job listener {} failed on progress of {}", listener, job.id(), e);
      }
    }
  }
}
