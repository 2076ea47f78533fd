package org.lfenergy.sogno.sdk.async;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.internal.Preferences;
import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.CircuitOpenException;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.ServerErrorException;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.core.TooManyRequestsException;
import org.lfenergy.sogno.sdk.core.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wait for a job to end, without blocking a thread: polls (long polls when the server applies
 * {@code Prefer: wait}), pauses per {@code Retry-After} or backoff, and completes {@link #result} with
 * the terminal job, or exceptionally with {@link JobTimeoutException}, {@link JobNotFoundException},
 * {@link UnmappedJobStatusException} (the dialect's {@code maxUnmappedPolls} polls in a row showed a
 * status it does not map) or the call's failure. Transient failures (I/O, 5xx, 429) are polled through, up to {@value
 * #MAX_CONSECUTIVE_ERRORS} in a row. Cancelling {@link #result} stops polling and cancels the call in flight.
 */
final class PollLoop {
  static final ResponseReader<Job> JOB = ResponseReader.json(Job.class);
  private static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(15);
  private static final long MIN_HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final int MAX_CONSECUTIVE_ERRORS = 5;
  private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

  private final JobHandle<?> handle;
  private final PollingConfig options;
  private final Duration timeout;
  private final long deadline;
  private final CompletableFuture<Job> result = new CompletableFuture<>();
  private int backoffs;
  private int polls;
  private int consecutiveErrors;
  private int consecutiveUnmapped;
  private volatile CompletableFuture<?> inFlight;

  private PollLoop(JobHandle<?> handle, PollingConfig options, Duration timeout) {
    this.handle = handle;
    this.options = options;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
    result.whenComplete((job, failure) -> {
      CompletableFuture<?> call = inFlight;
      if (result.isCancelled() && call != null) {
        call.cancel(true);
      }
    });
  }

  static CompletableFuture<Job> start(JobHandle<?> handle, PollingConfig options, Duration timeout, Duration firstDelay) {
    PollLoop loop = new PollLoop(handle, options, timeout);
    Optional<Job> known = handle.lastKnown();
    if (known.isPresent() && known.get().isTerminal()) {
      loop.result.complete(known.get());
    } else {
      loop.schedule(firstDelay);
    }
    return loop.result;
  }

  private void schedule(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      poll();
    } else {
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(this::poll);
    }
  }

  private void poll() {
    if (result.isDone()) {
      return;
    }
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0 || polls++ >= options.backoff().maxAttempts()) {
      result.completeExceptionally(new JobTimeoutException(handle.jobId(), handle.lastKnown().orElse(null), timeout));
      return;
    }
    long waitSeconds = Math.min(options.longPollWait().toSeconds(), TimeUnit.NANOSECONDS.toSeconds(remaining));
    long sentAt = System.nanoTime();
    try {
      ApiRequest.Builder request = ApiRequest.builder("GET", handle.follow(JobHandle.LOCATION, handle.location()));
      if (waitSeconds >= 1) {
        request.header("Prefer", "wait=" + waitSeconds).timeout(Duration.ofSeconds(waitSeconds).plus(LONG_POLL_MARGIN));
      }
      CompletableFuture<ApiResponse<PolledJob>> call = handle.client().executeAsync(request.build(), handle.answers());
      inFlight = call;
      call.whenComplete((response, failure) -> onResponse(response, failure, sentAt));
      if (result.isCancelled()) {
        call.cancel(true);
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void onResponse(ApiResponse<PolledJob> response, Throwable failure, long sentAt) {
    if (failure != null) {
      Throwable cause = translate(failure, handle);
      if (cause instanceof CircuitOpenException) {
        // Nothing reached the service (e.g. it is restarting): poll again once the breaker lets calls
        // through. Not counted as a failed poll; the wait's deadline still bounds it.
        log.debug("Poll of job {} refused by the open circuit breaker, polling again", handle.jobId());
        scheduleWithin(nextBackoff());
        return;
      }
      if (isTransient(cause) && ++consecutiveErrors < MAX_CONSECUTIVE_ERRORS) {
        log.debug("Poll {} of job {} failed, polling again", consecutiveErrors, handle.jobId(), cause);
        Optional<String> retryAfter =
            cause instanceof ApiException ? ((ApiException) cause).header("Retry-After") : Optional.empty();
        scheduleWithin(retryAfter(retryAfter).orElseGet(this::nextBackoff));
      } else {
        result.completeExceptionally(cause);
      }
      return;
    }
    consecutiveErrors = 0;
    Job job = handle.update(response);
    if (job == null) {
      result.completeExceptionally(new SognoException("The job poll answered without a job body", null, response.requestId()));
      return;
    }
    if (job.isTerminal()) {
      result.complete(job);
      return;
    }
    consecutiveUnmapped = job.status().isKnown() ? 0 : consecutiveUnmapped + 1;
    if (consecutiveUnmapped >= handle.dialect().maxUnmappedPolls()) {
      result.completeExceptionally(new UnmappedJobStatusException(handle.jobId(), job, handle.dialect().name(), consecutiveUnmapped));
      return;
    }
    boolean heldByServer =
        Preferences.waitApplied(response.header("Preference-Applied").map(List::of).orElse(List.of()))
            && System.nanoTime() - sentAt >= MIN_HELD_NANOS; // an instant "long poll" must not spin
    scheduleWithin(heldByServer ? Duration.ZERO : retryAfter(response).orElseGet(this::nextBackoff));
  }

  /** Schedules the next poll, never later than the deadline (which then times the wait out). */
  private void scheduleWithin(Duration delay) {
    long remaining = deadline - System.nanoTime();
    schedule(delay.toNanos() > remaining ? Duration.ofNanos(Math.max(remaining, 0)) : delay);
  }

  /** A connection reset (e.g. a server restart) or an overloaded server is worth another poll. */
  private static boolean isTransient(Throwable failure) {
    return failure instanceof TransportException
        || failure instanceof ServerErrorException
        || failure instanceof TooManyRequestsException;
  }

  private Duration nextBackoff() {
    return options.backoff().delay(++backoffs);
  }

  /** Maps a 404 to {@link JobNotFoundException}; unwraps {@link CompletionException}s. */
  static Throwable translate(Throwable failure, JobHandle<?> handle) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof NotFoundException) {
      return new JobNotFoundException(handle.jobId(), handle.lastKnown().orElse(null), (NotFoundException) cause);
    }
    return cause;
  }

  /** {@code Retry-After} as delta-seconds or HTTP-date. */
  static Optional<Duration> retryAfter(ApiResponse<?> response) {
    return retryAfter(response.header("Retry-After"));
  }

  private static Optional<Duration> retryAfter(Optional<String> retryAfterHeader) {
    Optional<String> header = retryAfterHeader.map(String::trim);
    if (header.isEmpty() || header.get().isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.chars().allMatch(Character::isDigit)) {
      return value.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Duration until = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
