package org.lfenergy.sogno.sdk.async.server;

import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;

/**
 * One accepted job in this process: the runnable a worker executes, its {@link JobContext}, the
 * thread to interrupt on cancel, and the future long polls wait on.
 */
final class JobExecution implements Runnable, JobContext {
  private final JobManager manager;
  private final String jobId;
  private final String owner;
  private final JobWork work;
  final CompletableFuture<Job> done = new CompletableFuture<>();

  private volatile boolean cancelRequested;
  private Thread worker; // guarded by this

  JobExecution(JobManager manager, String jobId, String owner, JobWork work) {
    this.manager = manager;
    this.jobId = jobId;
    this.owner = owner;
    this.work = work;
  }

  @Override
  public void run() {
    if (!manager.markRunning(this)) {
      return;
    }
    Object outcome = null;
    Throwable failure = null;
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
    manager.complete(this, outcome, failure);
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
