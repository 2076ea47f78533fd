package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobDispatcher;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Hands jobs of a {@code JobManager} to the durable workers: stores the kind's request as JSON beside
 * the queued job (which makes it claimable by any replica) and wakes this replica's poller. Work that
 * is not addressed by a registered kind cannot survive a restart and is refused.
 */
public final class JdbcJobDispatcher implements JobDispatcher {
  private final JobLeases leases;
  private final DurableWorkers workers;
  private final JobKinds kinds;
  private final JobStore store;
  private final SognoJson json;
  private final Clock clock;
  private final Duration ttl;

  public JdbcJobDispatcher(JobLeases leases, DurableWorkers workers, JobKinds kinds, JobStore store, SognoJson json,
      Clock clock, Duration ttl) {
    this.leases = leases;
    this.workers = workers;
    this.kinds = kinds;
    this.store = store;
    this.json = json;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public void dispatch(JobRecord record, JobWork work) {
    if (!(work instanceof JobKinds.KindWork<?> kindWork) || kinds.kind(kindWork.kind()).isEmpty()) {
      String kind = work instanceof JobKinds.KindWork<?> kindWork ? kindWork.kind() : null;
      failUnrunnable(record, kind);
      throw new IllegalArgumentException(kind == null
          ? "Durable jobs run work addressed by kind: submit JobKinds.work(kind, request), not a lambda"
          : "Job kind '" + kind + "' is not registered with these durable jobs");
    }
    leases.attachRequest(record.id(), kindWork.kind(), json.write(kindWork.request()));
    workers.wake();
  }

  @Override
  public CompletableFuture<Job> completion(String jobId) {
    return workers.completion(jobId);
  }

  private void failUnrunnable(JobRecord record, String kind) {
    Problem problem = Problem.builder().code("job-kind-unknown").status(500).title("Unknown job kind")
        .detail(kind == null ? "The job's work is not addressed by a registered kind"
            : "No worker runs jobs of kind '" + kind + "'").build();
    store.update(record.id(), current -> current.job().isTerminal() ? current : current.withJob(
        JobLifecycle.fail(JobLifecycle.start(current.job(), clock.instant().truncatedTo(ChronoUnit.MILLIS)),
            problem, clock.instant().truncatedTo(ChronoUnit.MILLIS), ttl)));
  }
}
