package org.lfenergy.sogno.sdk.async.server;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a {@link JobManager} keeps its jobs: the SPI behind the default {@link InMemoryJobStore}.
 * Implement it to keep jobs in a database or a cache shared by several instances ({@code
 * sogno-sdk-async-jdbc} keeps them in H2 or PostgreSQL, {@code sogno-sdk-async-kafka} in a topic).
 *
 * <p>Contract, for every implementation:
 *
 * <ul>
 *   <li>Thread-safe; {@link #update} is atomic per job (compare-and-set or a lock).
 *   <li>{@link #insert} is atomic per {@code (owner, idempotencyKey)}: of two concurrent inserts with
 *       the same owner and key, one wins and both callers get the winner back.
 *   <li>A job whose {@code expiresAt} has passed is never returned; the store may forget it any time
 *       after. Jobs without {@code expiresAt} (not finished yet) are not expired.
 *   <li>Runtime exceptions propagate to the caller of the {@link JobManager}.
 * </ul>
 */
public interface JobStore {
  /**
   * Stores a new job, unless {@code record} carries an idempotency key that the same owner already
   * used for a live job.
   *
   * @return {@code record}, or the existing record holding the same owner and idempotency key
   * @throws JobStoreFullException if the store is at capacity and cannot make room
   */
  JobRecord insert(JobRecord record);

  /**
   * The live record that {@code owner} submitted with {@code idempotencyKey}; empty if none.
   *
   * @param owner the owner, null for anonymous submissions
   */
  Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey);

  /** The live record of {@code jobId}, whoever owns it; empty if unknown or expired. */
  Optional<JobRecord> find(String jobId);

  /**
   * Atomically replaces the record of {@code jobId} by {@code change.apply(current)}.
   *
   * @return the new record; empty if the job is unknown or expired ({@code change} is not called)
   * @throws RuntimeException whatever {@code change} throws; the record then stays unchanged
   */
  Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change);
}
