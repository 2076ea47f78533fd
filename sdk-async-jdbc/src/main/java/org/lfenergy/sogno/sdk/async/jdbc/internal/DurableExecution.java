package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;

/**
 * One claimed job running on this replica: reads its request into the type its kind registered, runs
 * the kind's handler, and hands the outcome to {@link DurableWorkers}. The thread to interrupt on
 * cancellation, a lost lease or the end of a drain is kept here, and the run's telemetry: its span is
 * current while the handler runs and while its {@code running} and terminal changes go to the listeners
 * (so job events continue the run's trace).
 */
final class DurableExecution implements Runnable, JobContext {
  private final DurableWorkers workers;
  private final JobLeases.Claim claim;
  private final JobTelemetry.Run run;
  private volatile boolean cancelRequested;
  private volatile boolean abandoned;
  private volatile boolean finished;
  private Thread thread; // guarded by this

  DurableExecution(DurableWorkers workers, JobLeases.Claim claim, JobTelemetry.Run run) {
    this.workers = workers;
    this.claim = claim;
    this.run = run;
  }

  @Override
  public void run() {
    synchronized (this) {
      thread = Thread.currentThread();
    }
    Object outcome = null;
    Throwable failure = null;
    try (JobTelemetry.Scope ignored = run.enter()) {
      outcome = runKind();
    } catch (Throwable t) {
      failure = t;
    } finally {
      synchronized (this) {
        thread = null;
      }
      Thread.interrupted();
    }
    finished = true;
    Job recorded;
    try (JobTelemetry.Scope ignored = run.enter()) { // the terminal job event continues the run's trace
      recorded = workers.finished(this, outcome, failure);
    }
    run.ended(recorded, failure);
    if (failure instanceof Error) {
      throw (Error) failure;
    }
  }

  private Object runKind() throws Exception {
    Optional<JobKinds.Kind<?>> kind = workers.kinds().kind(claim.kind());
    if (kind.isEmpty()) {
      throw new UnknownKindException(claim.kind());
    }
    return run(kind.get());
  }

  private <R> Object run(JobKinds.Kind<R> kind) throws Exception {
    R request = workers.json().read(claim.request(), kind.requestType());
    return kind.handler().run(request, this);
  }

  /** Makes the run's span current on this thread until closed, e.g. while its {@code running} change is sent. */
  JobTelemetry.Scope enter() {
    return run.enter();
  }

  /** Asks the work to stop; with {@code interrupt} also interrupts its thread. */
  void requestCancel(boolean interrupt) {
    cancelRequested = true;
    if (interrupt) {
      synchronized (this) {
        if (thread != null) {
          thread.interrupt();
        }
      }
    }
  }

  /** The job is no longer this replica's (lease lost or drained): stop, record nothing. */
  void abandon() {
    abandoned = true;
    requestCancel(true);
  }

  /** True once the work returned: a heartbeat that finds the lease ended then raced the outcome. */
  boolean isFinished() {
    return finished;
  }

  boolean isAbandoned() {
    return abandoned;
  }

  JobLeases.Claim claim() {
    return claim;
  }

  @Override
  public String jobId() {
    return claim.record().id();
  }

  @Override
  public void progress(int percent, String message) {
    workers.progress(this, org.lfenergy.sogno.sdk.async.JobProgress.of(percent, message));
  }

  @Override
  public boolean isCancellationRequested() {
    return cancelRequested;
  }

  /** A stored job names a kind this replica did not register. */
  static final class UnknownKindException extends org.lfenergy.sogno.sdk.core.SognoException {
    private static final long serialVersionUID = 1L;

    UnknownKindException(String kind) {
      super("No handler for job kind '" + kind + "' is registered on this replica");
    }
  }
}
