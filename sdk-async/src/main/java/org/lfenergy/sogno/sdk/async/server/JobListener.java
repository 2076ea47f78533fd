package org.lfenergy.sogno.sdk.async.server;

import org.lfenergy.sogno.sdk.async.Job;

/**
 * Observes a {@link JobManager}'s jobs: the SPI through which {@code sdk-kafka} publishes job events.
 *
 * <p>Called synchronously on the thread that made the change, in order for any one job (queued before
 * running before the terminal status), after the change is stored. Keep it fast and non-blocking: hand
 * work off to another thread. An exception thrown here is logged and otherwise ignored; it never
 * changes the job.
 */
public interface JobListener {
  /** A listener that does nothing. */
  JobListener NONE = change -> {};

  /** The job's status changed ({@code previous} is null when the job was just accepted). */
  void onStateChanged(JobStateChange change);

  /** The running job reported progress. Does nothing unless overridden. */
  default void onProgress(Job job) {}
}
