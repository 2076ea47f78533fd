package org.lfenergy.sogno.sdk.async.server;

import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;

/**
 * One accepted job in this process: the runnable a worker executes, its {@link JobContext}, the
 * thread to interrupt on cancel, and the futures long polls wait on (its end, its next change). Its
 * run is observed through the manager's {@link JobTelemetry}: the span is current while the work runs
 * and while its running and terminal state changes go to the listeners.
 */
final class JobExecution implements Runnable, JobContext {
  private final JobWorkers manager;
  private final String jobId;
  private final String owner;
  private final JobWork work;
  final CompletableFuture<Job> done = new CompletableFuture<>();
  private volatile CompletableFuture<Void> nextChange = new CompletableFuture<>();

  private volatile boolean cancelRequested;
  private volatile boolean started;
  private Thread worker; // guarded by this

  JobExecution(JobWorkers manager, String jobId, String owner, JobWork work) {
    this.manager = manager;
    this.jobId = jobId;
    this.owner = owner;
    this.work = work;
  }

  @Override
  public void run() {
    JobRecord record = manager.markRunning(this);
    if (record == null) {
      return;
    }
    JobTelemetry.Run run = manager.telemetry().started(record, 1);
    Object outcome = null;
    Throwable failure = null;
    Job last;
    // The span is current from the running change to the terminal one, so the job events sent for
    // them (JobEventPublisher) are its children.
    try (JobTelemetry.Scope ignored = run.enter()) {
      manager.announceRunning(this, record);
      synchronized (this) {
        worker = Thread.currentThread();
      }
      try {
        outcome = work.run(this);
      } catch (Throwable t) {
        failure = t;
      } finally {
        synchronized (this) {
          worker = null;
        }
        Thread.interrupted(); // a late cancel must not leave the pooled thread interrupted
      }
      last = manager.complete(this, outcome, failure);
    }
    run.ended(last, failure);
    if (failure instanceof Error) {
      throw (Error) failure;
    }
  }

  /** Flags cancellation and, if asked and still running this job, interrupts the worker. */
  void requestCancel(boolean interrupt) {
    cancelRequested = true;
    if (interrupt) {
      synchronized (this) {
        if (worker != null) {
          worker.interrupt();
        }
      }
    }
  }

  /**
   * Completes at the job's next change of state or progress in this process (long polls that answer
   * on progress wait on it); a fresh future per change, never completed exceptionally.
   */
  CompletableFuture<Void> nextChange() {
    return nextChange;
  }

  /** Signals a change of state or progress to the long polls waiting on {@link #nextChange()}. */
  void changed() {
    CompletableFuture<Void> signalled;
    synchronized (this) {
      signalled = nextChange;
      nextChange = new CompletableFuture<>();
    }
    signalled.complete(null);
  }

  /** Marks the job as running on a worker (it counts as running until it finished). */
  void markStarted() {
    started = true;
  }

  boolean started() {
    return started;
  }

  String owner() {
    return owner;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public void progress(int percent, String message) {
    manager.recordProgress(this, JobProgress.of(percent, message));
  }

  @Override
  public boolean isCancellationRequested() {
    return cancelRequested;
  }
}
