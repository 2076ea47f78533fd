package org.lfenergy.sogno.sdk.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * From a terminal job to what {@link JobHandle#waitForCompletion} returns or throws: the result (inline
 * or fetched, as the handle's dialect says), {@link JobFailedException}, {@link JobCancelledException}.
 * Stateless.
 */
final class JobResults {
  private JobResults() {}

  /** The outcome of the job {@code terminal} completes with; cancelling it cancels {@code terminal}. */
  static <T> CompletableFuture<T> completion(JobHandle<T> handle, CompletableFuture<Job> terminal) {
    CompletableFuture<T> outcome = terminal.thenCompose(job -> outcomeOf(handle, job));
    outcome.whenComplete((value, failure) -> {
      if (outcome.isCancelled()) {
        terminal.cancel(true);
      }
    });
    return outcome;
  }

  /** The result of the handle's job: from its last seen body, or fetched from its result link or URL. */
  static <T> CompletableFuture<T> fetch(JobHandle<T> handle) {
    JobDialect dialect = handle.dialect();
    if (dialect.resultMember() != null) {
      return InlineResults.read(handle.lastPolled(), dialect, handle.resultReader(), handle.client().json(), handle.jobId());
    }
    CompletableFuture<T> value = new CompletableFuture<>();
    try {
      ApiRequest request = ApiRequest.builder("GET",
          handle.follow(Job.RESULT, JobUrls.linkOrTemplate(handle, Job.RESULT, dialect.resultUrl()))).build();
      handle.client().executeAsync(request, handle.resultReader())
          .whenComplete((response, failure) -> {
            if (failure != null) {
              value.completeExceptionally(PollLoop.translate(failure, handle));
            } else {
              value.complete(response.body());
            }
          });
    } catch (RuntimeException e) {
      value.completeExceptionally(e);
    }
    return value;
  }

  /**
   * Waits for {@code future}: its value, or its failure rethrown as is (checked causes wrapped in a
   * {@link SognoException}); interruption cancels it and keeps the thread's interrupt flag.
   */
  static <X> X join(CompletableFuture<X> future, String jobId) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new SognoException("Waiting for job " + jobId + " failed", cause, null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new SognoException("Interrupted while waiting for job " + jobId, e, null);
    }
  }

  private static <T> CompletableFuture<T> outcomeOf(JobHandle<T> handle, Job job) {
    if (job.status().equals(JobStatus.FAILED)) {
      return CompletableFuture.failedFuture(new JobFailedException(job, null));
    }
    if (job.status().equals(JobStatus.CANCELLED)) {
      return CompletableFuture.failedFuture(new JobCancelledException(job, null));
    }
    return fetch(handle);
  }
}
