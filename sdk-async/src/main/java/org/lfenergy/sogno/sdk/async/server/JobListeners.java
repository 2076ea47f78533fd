package org.lfenergy.sogno.sdk.async.server;

import java.util.List;
import org.lfenergy.sogno.sdk.async.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one manager, called in order; a failing listener is logged and skipped. */
final class JobListeners {
  private static final Logger log = LoggerFactory.getLogger(JobListeners.class);

  private final List<JobListener> listeners;

  JobListeners(List<JobListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  void stateChanged(JobStateChange change) {
    for (JobListener listener : listeners) {
      try {
        listener.onStateChanged(change);
      } catch (RuntimeException e) {
        log.warn("Job listener {} failed on {}", listener, change, e);
      }
    }
  }

  void progress(Job job) {
    for (JobListener listener : listeners) {
      try {
        listener.onProgress(job);
      } catch (RuntimeException e) {
        log.warn("Job listener {} failed on progress of {}", listener, job.id(), e);
      }
    }
  }
}
