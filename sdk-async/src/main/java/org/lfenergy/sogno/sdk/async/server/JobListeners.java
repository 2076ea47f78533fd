package org.lfenergy.sogno.sdk.async.server;

import java.util.List;
import org.lfenergy.sogno.sdk.async.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners called in order, for runtimes that change jobs outside a {@link JobManager} (durable or
 * distributed workers): a failing listener is logged and skipped, never breaks the caller.
 * Immutable and thread-safe.
 */
public final class JobListeners {
  private static final Logger log = LoggerFactory.getLogger(JobListeners.class);

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
    for (JobListener listener : listeners) {
      try {
        listener.onStateChanged(change);
      } catch (RuntimeException e) {
        log.warn("Job listener {} failed on {}", listener, change, e);
      }
    }
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
