package org.lfenergy.sogno.sdk.async.server;

import java.util.concurrent.CancellationException;

/**
 * What a running {@link JobWork} sees of its job: its id, progress reporting and cooperative
 * cancellation. Use it only from the job's own thread while the work runs.
 */
public interface JobContext {
  /** The id of the running job. */
  String jobId();

  /**
   * Records progress, visible to pollers and to {@link JobListener#onProgress}.
   *
   * @param percent 0 to 100
   * @param message a short human-readable note, or null
   * @throws IllegalArgumentException if {@code percent} is outside 0..100
   */
  void progress(int percent, String message);

  /** True once a client asked to cancel this job. */
  boolean isCancellationRequested();

  /**
   * Stops the work if cancellation was requested.
   *
   * @throws CancellationException if {@link #isCancellationRequested()}
   */
  default void throwIfCancellationRequested() {
    if (isCancellationRequested()) {
      throw new CancellationException("Job " + jobId() + " was cancelled");
    }
  }
}
