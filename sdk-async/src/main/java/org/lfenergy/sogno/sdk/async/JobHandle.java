package org.lfenergy.sogno.sdk.async;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.lfenergy.sogno.sdk.async.internal.JobPaths;
import org.lfenergy.sogno.sdk.async.internal.Origins;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.ConflictException;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-side handle on a server job of the async-job convention — what generated {@code begin…}
 * methods return, and usable by hand with any platform service.
 *
 * <pre>{@code
 * JobHandle<PowerflowResult> job = JobHandle.start(client,
 *     ApiRequest.builder("POST", "/v1/powerflows").jsonBody(input).build(),
 *     ResponseReader.json(PowerflowResult.class));
 * job = job.withUpdateListener(j -> log.info("{}%", j.progress().flatMap(JobProgress::percent).orElse(0)));
 * PowerflowResult result = job.waitForCompletion(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Create one from the 202 response ({@link #start}, {@link #fromResponse}), a job id ({@link
 * #forJobId}) or a job URL ({@link #forLocation}). A relative {@code Location} or link is resolved
 * against the URL of the response that carried it. Links to another origin than the client's base URL
 * are refused ({@link CrossOriginLinkException}, nothing sent) unless allowed with {@link
 * #withAllowedOrigins}; the {@link SognoClient} attaches credentials only to its base URL's origin, so
 * an allowed other origin never receives them either.
 *
 * <p>Waiting ({@link #waitForCompletion}, {@link #toCompletableFuture}) long-polls with {@code Prefer:
 * wait=N} and follows up at once while the server applies it, else pauses per {@code Retry-After} or
 * backoff ({@link PollingConfig}). Outcomes: the typed result, read from the job's {@code result}
 * link with the handle's {@link ResponseReader}; {@link JobFailedException} with the job's problem;
 * {@link JobCancelledException}; {@link JobNotFoundException} (404, e.g. the server restarted with an
 * in-memory store — polling stops at once); {@link JobTimeoutException}; or the {@code SognoException}
 * of a call that failed after the client's own retries.
 *
 * <p>Services that speak another job dialect (numeric ids, {@code 200} without {@code Location}, own
 * status words, inline results) are waited on the same way: pass a {@link JobDialect} ({@link
 * JobDialects} has the platform's) to {@link #start(SognoClient, ApiRequest, ResponseReader,
 * JobDialect)}, {@link #fromResponse(SognoClient, ApiResponse, ResponseReader, JobDialect)} or {@link
 * #forLocation(SognoClient, URI, ResponseReader, JobDialect)}. A status it does not map fails the wait
 * with {@link UnmappedJobStatusException} after a few polls.
 *
 * <p>Thread-safe. The handle remembers the job as last seen; update listeners run on the thread that
 * received the poll response.
 *
 * @param <T> the type of the job's result
 */
public final class JobHandle<T> {
  private static final Logger log = LoggerFactory.getLogger(JobHandle.class);
  static final String LOCATION = "Location";

  private final SognoClient client;
  private final URI location;
  private final String jobId;
  private final ResponseReader<T> resultReader;
  private final PollingConfig options;
  private final Duration retryAfter; // pause before the first plain poll: the 202's, else null
  private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<PolledJob> last; // with the URL it was read from, to resolve relative links
  private final Origins origins; // where requests may go: the base URL's origin and the allowed ones
  private final JobDialect dialect;
  private final ResponseReader<PolledJob> answers;
  private final ResponseReader<PolledJob> cancelAnswers;

  private JobHandle(
      SognoClient client, URI location, String jobId, ResponseReader<T> resultReader,
      PollingConfig options, Duration retryAfter, PolledJob seen, Origins origins, JobDialect dialect) {
    this.client = Objects.requireNonNull(client, "client");
    this.location = location;
    this.jobId = jobId;
    this.resultReader = Objects.requireNonNull(resultReader, "resultReader");
    this.options = Objects.requireNonNull(options, "options");
    this.retryAfter = retryAfter;
    this.last = new AtomicReference<>(seen);
    this.origins = origins;
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    DialectReader reader = new DialectReader(dialect);
    this.answers = reader.answers(jobId, true);
    this.cancelAnswers = reader.answers(jobId, false);
  }

  /**
   * Sends the request that starts a job and returns its handle. A {@code 200} with a finished job (the
   * server applied {@code Prefer: wait}) gives a handle that is already complete.
   *
   * @throws org.lfenergy.sogno.sdk.core.ApiException if the server refused to start the job
   * @throws IllegalArgumentException if the answer names no job (no {@code Location}, no job body)
   */
  public static <T> JobHandle<T> start(SognoClient client, ApiRequest request, ResponseReader<T> resultReader) {
    return start(client, request, resultReader, JobDialects.sogno());
  }

  /**
   * As {@link #start(SognoClient, ApiRequest, ResponseReader)} for a service that speaks {@code
   * dialect}: the answer may be a {@code 200} or {@code 201}, name the job as the dialect says, and
   * show the job finished already.
   *
   * @throws org.lfenergy.sogno.sdk.core.ApiException if the server refused to start the job
   * @throws IllegalArgumentException if the answer names the job in none of the dialect's ways
   * @throws org.lfenergy.sogno.sdk.core.JsonException if the answer's id or status has the wrong type
   */
  public static <T> JobHandle<T> start(
      SognoClient client, ApiRequest request, ResponseReader<T> resultReader, JobDialect dialect) {
    return fromResponse(client, client.execute(request, JobStart.answerReader(dialect)), resultReader, dialect);
  }

  /**
   * The handle of the job a {@code 202 Accepted} (or {@code 200} with a job) announced: its {@code
   * Location} (else the body's {@code self} link), resolved against the request URL.
   *
   * @throws IllegalArgumentException if the response names no job
   */
  public static <T> JobHandle<T> fromResponse(SognoClient client, ApiResponse<?> response, ResponseReader<T> resultReader) {
    return fromResponse(client, response, resultReader, JobDialects.sogno());
  }

  /**
   * The handle of the job {@code response} started, read as {@code dialect} says. The body may be a
   * {@link Job}, the raw bytes, the document read untyped ({@code Map}), or any object the client's
   * JSON can write.
   *
   * @throws IllegalArgumentException if the response names the job in none of the dialect's ways
   * @throws org.lfenergy.sogno.sdk.core.JsonException if its id or status has the wrong type
   */
  public static <T> JobHandle<T> fromResponse(
      SognoClient client, ApiResponse<?> response, ResponseReader<T> resultReader, JobDialect dialect) {
    JobStart start = JobStart.of(dialect, new DialectReader(dialect), client.baseUrl(), client.json(), response);
    return new JobHandle<>(client, start.location, start.jobId, resultReader, PollingConfig.defaults(), start.retryAfter,
        start.seen, Origins.of(client.baseUrl()), dialect);
  }

  /**
   * The handle of job {@code jobId} at {@code {baseUrl}/v1/jobs/{jobId}}, e.g. to resume waiting after
   * a restart of the client. The id is one path segment, percent-encoded like an {@link
   * ApiRequest.Builder#pathParam} value, and under the same rule: dot-segments, which URL parsers
   * remove even encoded, are refused.
   *
   * @throws IllegalArgumentException if {@code jobId} is null, blank, {@code "."} or {@code ".."}
   */
  public static <T> JobHandle<T> forJobId(SognoClient client, String jobId, ResponseReader<T> resultReader) {
    if (jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("A job id must not be null or blank");
    }
    URI location = JobUrls.expand("/v1/jobs/{id}", client.baseUrl(), null, jobId);
    return new JobHandle<>(client, location, jobId, resultReader, PollingConfig.defaults(), Duration.ZERO, null,
        Origins.of(client.baseUrl()), JobDialects.sogno());
  }

  /**
   * The handle of the job at {@code jobUrl}. Its origin counts as trusted, as the base URL's does: you
   * named it.
   *
   * @throws IllegalArgumentException unless {@code jobUrl} is absolute
   */
  public static <T> JobHandle<T> forLocation(SognoClient client, URI jobUrl, ResponseReader<T> resultReader) {
    return forLocation(client, jobUrl, resultReader, JobDialects.sogno());
  }

  /**
   * As {@link #forLocation(SognoClient, URI, ResponseReader)} for a job of a service that speaks {@code
   * dialect}; the id is the URL's last segment until a poll shows the job's own.
   *
   * @throws IllegalArgumentException unless {@code jobUrl} is absolute
   */
  public static <T> JobHandle<T> forLocation(SognoClient client, URI jobUrl, ResponseReader<T> resultReader, JobDialect dialect) {
    if (!jobUrl.isAbsolute()) {
      throw new IllegalArgumentException("A job URL must be absolute, was " + jobUrl);
    }
    return new JobHandle<>(client, jobUrl, JobPaths.lastSegment(jobUrl), resultReader, PollingConfig.defaults(), Duration.ZERO, null,
        Origins.of(client.baseUrl(), jobUrl), dialect);
  }

  /** A copy of this handle on the same job (sharing what was seen so far) that polls with {@code options}. */
  public JobHandle<T> withPolling(PollingConfig options) {
    return copy(options, origins);
  }

  /**
   * A copy of this handle on the same job that also follows links (the job's {@code Location}, its
   * {@code result} and {@code cancel} links) to {@code origins}. By default a handle sends requests only
   * to its client's base URL origin (and, for {@link #forLocation}, the job URL's), and refuses a link
   * to any other with {@link CrossOriginLinkException} before sending anything. The client attaches
   * credentials only to its base URL's origin, also on allowed ones.
   *
   * @param origins such as {@code https://jobs.example:8443}: scheme, host and optional port only
   * @throws IllegalArgumentException naming {@code allowedOrigins} for anything else
   */
  public JobHandle<T> withAllowedOrigins(Collection<URI> origins) {
    return copy(options, this.origins.plus(Objects.requireNonNull(origins, "allowedOrigins"), "allowedOrigins"));
  }

  /** {@link #withAllowedOrigins(Collection)} for a few origins. */
  public JobHandle<T> withAllowedOrigins(URI... origins) {
    return withAllowedOrigins(Arrays.asList(origins));
  }

  private JobHandle<T> copy(PollingConfig options, Origins origins) {
    JobHandle<T> copy = new JobHandle<>(client, location, jobId, resultReader, options, retryAfter, last.get(), origins, dialect);
    copy.listeners.addAll(listeners);
    return copy;
  }

  /**
   * A copy of this handle on the same job that also calls {@code listener} with the job each time a
   * poll shows a change (status, progress, times). Exceptions the listener throws are logged and
   * ignored. This handle is left as it was.
   */
  public JobHandle<T> withUpdateListener(Consumer<Job> listener) {
    Objects.requireNonNull(listener, "listener");
    JobHandle<T> copy = copy(options, origins);
    copy.listeners.add(listener);
    return copy;
  }

  /** The job id. */
  public String jobId() {
    return jobId;
  }

  /** The absolute URL of the job resource. */
  public URI location() {
    return location;
  }

  /** How this handle polls. */
  public PollingConfig polling() {
    return options;
  }

  /** How the service speaks about this job ({@link JobDialects#sogno()} unless created with another). */
  public JobDialect dialect() {
    return dialect;
  }

  /** The job as last seen (from the 202 body or the latest poll), if seen at all. */
  public Optional<Job> lastKnown() {
    return Optional.ofNullable(last.get()).map(PolledJob::job);
  }

  /**
   * Fetches the job once, without waiting.
   *
   * @throws JobNotFoundException if the server does not know the job
   */
  public Job poll() {
    try {
      return update(client.execute(ApiRequest.builder("GET", follow(LOCATION, location)).build(), answers));
    } catch (NotFoundException e) {
      throw (JobNotFoundException) PollLoop.translate(e, this);
    }
  }

  /**
   * Waits until the job is terminal and returns it, whatever the outcome.
   *
   * @throws JobTimeoutException if it is not terminal within {@code timeout}
   * @throws JobNotFoundException if the server does not know the job
   */
  public Job awaitTerminal(Duration timeout) {
    return JobResults.join(awaitTerminalAsync(timeout), jobId);
  }

  /** As {@link #awaitTerminal(Duration)}, without blocking; cancelling the future stops polling. */
  public CompletableFuture<Job> awaitTerminalAsync(Duration timeout) {
    // A long poll may start at once (the server holds it); a plain poll waits as the 202 asked.
    Duration first =
        options.longPollWait().toSeconds() >= 1 ? Duration.ZERO : retryAfter != null ? retryAfter : options.backoff().initialDelay();
    return PollLoop.start(this, options, Objects.requireNonNull(timeout, "timeout"), first);
  }

  /** {@link #waitForCompletion(Duration)} with the options' timeout. */
  public T waitForCompletion() {
    return waitForCompletion(options.timeout());
  }

  /**
   * Waits for the job to end and returns its result.
   *
   * @throws JobFailedException if it failed (with the job's problem)
   * @throws JobCancelledException if it was cancelled
   * @throws JobTimeoutException if it did not end within {@code timeout} (the job goes on)
   * @throws JobNotFoundException if the server does not know the job
   */
  public T waitForCompletion(Duration timeout) {
    return JobResults.join(JobResults.completion(this, awaitTerminalAsync(timeout)), jobId);
  }

  /**
   * The result as a future (timeout from the options). Cancelling it stops polling; it does not cancel
   * the job — use {@link #cancel()} for that.
   */
  public CompletableFuture<T> toCompletableFuture() {
    return JobResults.completion(this, awaitTerminalAsync(options.timeout()));
  }

  /**
   * Asks the server to cancel the job and returns the job as the server then reports it (often still
   * {@code running} until the work stops; polled once if the answer shows no job). A job that already
   * ended is returned as it ended.
   *
   * @throws JobNotFoundException if the server does not know the job
   * @throws UnsupportedOperationException if the job's dialect has no way to cancel ({@link JobDialect#canCancel()})
   */
  public Job cancel() {
    if (!dialect.canCancel()) {
      throw new UnsupportedOperationException("Jobs of dialect " + dialect.name() + " cannot be cancelled (job " + jobId + ")");
    }
    URI cancel = JobUrls.linkOrTemplate(this, Job.CANCEL, dialect.cancelUrl());
    try {
      Job reported = update(client.execute(ApiRequest.builder("POST", follow(Job.CANCEL, cancel)).build(), cancelAnswers));
      return reported != null ? reported : poll();
    } catch (ConflictException alreadyFinished) {
      return poll();
    } catch (NotFoundException e) {
      throw (JobNotFoundException) PollLoop.translate(e, this);
    }
  }

  /**
   * Fetches the result of a succeeded job through its {@code result} link.
   *
   * @throws org.lfenergy.sogno.sdk.core.ConflictException if the job has not succeeded
   * @throws JobNotFoundException if the server does not know the job
   */
  public T result() {
    return JobResults.join(JobResults.fetch(this), jobId);
  }

  SognoClient client() {
    return client;
  }

  /**
   * {@code target}, if requests may go there.
   *
   * @throws CrossOriginLinkException naming {@code relation} if {@code target} is on another origin
   */
  URI follow(String relation, URI target) {
    if (!origins.allows(target)) {
      throw new CrossOriginLinkException(jobId, lastKnown().orElse(null), relation, target);
    }
    return target;
  }

  ResponseReader<T> resultReader() {
    return resultReader;
  }

  /** The last poll's answer, if any. */
  PolledJob lastPolled() {
    return last.get();
  }

  ResponseReader<PolledJob> answers() {
    return answers;
  }

  /** The job {@code response} shows, remembered as last seen; listeners hear of a change. */
  Job update(ApiResponse<PolledJob> response) {
    PolledJob polled = response.body();
    if (polled == null) {
      return null;
    }
    Job job = polled.job();
    PolledJob previous = last.getAndSet(polled);
    if (previous == null || !previous.job().equals(job)) {
      for (Consumer<Job> listener : listeners) {
        try {
          listener.accept(job);
        } catch (RuntimeException e) {
          log.warn("Job update listener failed for job {}", jobId, e);
        }
      }
    }
    return job;
  }



}
