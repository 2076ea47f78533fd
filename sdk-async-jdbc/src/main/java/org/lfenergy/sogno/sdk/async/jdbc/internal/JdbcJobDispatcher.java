package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobDispatcher;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Hands jobs of a {@code JobManager} to the durable workers: stores each new job together with its
 * kind's request as JSON (one insert, which makes it claimable by any replica) and wakes this
 * replica's poller. Work that is not addressed by a registered kind cannot survive a restart and is
 * refused before anything is stored.
 */
public final class JdbcJobDispatcher implements JobDispatcher {
  /** The store's insert of a job with the kind and request its worker reads back, in one transaction. */
  @FunctionalInterface
  public interface ClaimableInsert {
    JobRecord insert(JobRecord record, String kind, byte[] request);
  }

  private final ClaimableInsert insert;
  private final DurableWorkers workers;
  private final JobKinds kinds;
  private final SognoJson json;

  public JdbcJobDispatcher(ClaimableInsert insert, DurableWorkers workers, JobKinds kinds, SognoJson json) {
    this.insert = insert;
    this.workers = workers;
    this.kinds = kinds;
    this.json = json;
  }

  @Override
  public JobRecord insert(JobStore store, JobRecord record, JobWork work) {
    if (!(work instanceof JobKinds.KindWork<?> kindWork) || kinds.kind(kindWork.kind()).isEmpty()) {
      String kind = work instanceof JobKinds.KindWork<?> kindWork ? kindWork.kind() : null;
      throw new IllegalArgumentException(kind == null
          ? "Durable jobs run work addressed by kind: submit JobKinds.work(kind, request), not a lambda"
          : "Job kind '" + kind + "' is not registered with these durable jobs");
    }
    return insert.insert(record, kindWork.kind(), json.write(kindWork.request()));
  }

  @Override
  public void dispatch(JobRecord record, JobWork work) {
    workers.wake();
  }

  @Override
  public CompletableFuture<Job> completion(String jobId) {
    return workers.completion(jobId);
  }
}
