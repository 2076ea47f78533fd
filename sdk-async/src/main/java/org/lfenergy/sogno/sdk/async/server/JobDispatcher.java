package org.lfenergy.sogno.sdk.async.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.lfenergy.sogno.sdk.async.Job;

/**
 * Where a {@link JobManager} hands accepted jobs instead of its own worker pool: the seam of
 * distributed execution (e.g. {@code sdk-async-kafka} sends the job to a queue that workers in every
 * replica take from). The manager keeps the rest of its API — get, result, cancel and long polls go
 * through the {@link JobStore}, which a distributed setup shares between replicas; cancellation is
 * recorded there ({@link JobRecord#cancelRequested()}) for the remote worker to see.
 *
 * <p>Implementations are thread-safe.
 */
public interface JobDispatcher {
  /**
   * Hands over a job that is stored as {@code queued}. Called once per accepted job, after the state
   * change was published to the listeners.
   *
   * @param record the stored record of the new job
   * @param work the work passed to {@link JobManager#submit}
   * @throws RejectedExecutionException if the job could not be handed over; the dispatcher has then
   *     ended the job in the store, and the manager refuses the submission as {@code queue-full}
   * @throws IllegalArgumentException if {@code work} cannot be dispatched (e.g. not addressed by a
   *     registered kind); passed on to the caller
   */
  void dispatch(JobRecord record, JobWork work);

  /**
   * Stores a new job, {@code queued}, before {@link #dispatch}: a dispatcher whose workers read a job's
   * work back from the store overrides this to write the job and its work in one transaction, so that
   * a failure leaves neither (no accepted job without its work, no work without a job). Same contract
   * as {@link JobStore#insert}: returns {@code record} when stored, or the live job that already holds
   * the same owner and idempotency key. Default: {@code store.insert(record)}.
   *
   * @param store the manager's store
   * @param record the new job
   * @param work the work passed to {@link JobManager#submit}
   * @throws IllegalArgumentException if {@code work} cannot be dispatched; nothing is stored then
   * @throws JobStoreUnavailableException if the store cannot be reached; nothing is stored then
   */
  default JobRecord insert(JobStore store, JobRecord record, JobWork work) {
    return store.insert(record);
  }

  /**
   * A future completed with the job once it is terminal, for long polls; may never complete (the
   * manager applies the timeout). Default: never completes, so long polls wait the full time.
   */
  default CompletableFuture<Job> completion(String jobId) {
    return new CompletableFuture<>();
  }
}
