package org.lfenergy.sogno.sdk.async.server.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.internal.Preferences;
import org.lfenergy.sogno.sdk.async.internal.RequestFingerprint;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.core.RequestIds;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the async-job convention over a {@link JobManager}, framework-neutral: feed it a
 * {@link ServerRequest}, write back the {@link ServerResponse}.
 *
 * <ul>
 *   <li>{@link #submit}: {@code 202 Accepted} with {@code Location}, {@code Retry-After} and the job;
 *       with {@code Prefer: wait=N}, {@code 200 OK} and {@code Preference-Applied: wait=N} if the job
 *       ends within N seconds (clamped to the manager's {@code maxWait}); {@code Idempotency-Key}
 *       honoured (fingerprint: SHA-256 of method, path with query and body).
 *   <li>{@link #handle}: {@code GET {jobsPath}/{id}} (with {@code Retry-After} while unfinished, and
 *       long polling on {@code Prefer: wait=N}: answered when the job's state or progress changes, it
 *       ends, or N seconds passed), {@code GET …/{id}/result}, {@code POST …/{id}/cancel}.
 * </ul>
 *
 * <p>{@code Location} and link hrefs are absolute when a {@link TrustedProxies trusted proxy} reported
 * the external URL, else relative to the server root. Refusals are RFC 9457 problems (codes in {@link
 * JobManagerException}). Every answer carries exactly one {@code X-Request-ID}, also the {@code
 * requestId} of problems: the request's own when it is 1 to 200 visible ASCII characters, else (absent,
 * too long, spaces, CR/LF or other controls) a generated UUID — an invalid id is replaced, never echoed
 * or logged, and the request is served as usual. Long polls do not block a thread: the returned future
 * completes when the job changes (state or progress; for a job running in another instance, when it
 * ends) or the wait is over.
 *
 * <p>Immutable and thread-safe.
 */
public final class JobEndpoints {
  private static final Logger log = LoggerFactory.getLogger(JobEndpoints.class);

  private final JobManager manager;
  private final TrustedProxies proxies;
  private final JobResponses responses;
  private final String jobsPath;

  private JobEndpoints(JobManager manager, TrustedProxies proxies, SognoJson json) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    this.responses = new JobResponses(Objects.requireNonNull(json, "json"));
    this.jobsPath = manager.config().jobsPath();
  }

  /** Endpoints that trust no proxy and write JSON with {@link SognoJson#defaults()}. */
  public static JobEndpoints of(JobManager manager) {
    return of(manager, TrustedProxies.none(), SognoJson.defaults());
  }

  /** Endpoints with the given proxy trust and JSON configuration. */
  public static JobEndpoints of(JobManager manager, TrustedProxies proxies, SognoJson json) {
    return new JobEndpoints(manager, proxies, json);
  }

  /**
   * Starts a job for {@code request} (usually {@code POST /v1/<things>}); the request's principal owns
   * it. {@code work} should capture the parsed, validated request body; validate before submitting.
   */
  public CompletableFuture<ServerResponse> submit(ServerRequest request, String kind, JobWork work) {
    String requestId = RequestIds.acceptOrGenerate(request.header(RequestIds.HEADER));
    return withRequestId(requestId, start(request, kind, work, Optional.of(requestId)));
  }

  /**
   * Serves the job resources below the manager's {@code jobsPath}: job, result and cancel. Any other
   * path gets a 404 problem, a wrong method a 405 with {@code Allow}.
   */
  public CompletableFuture<ServerResponse> handle(ServerRequest request) {
    String requestId = RequestIds.acceptOrGenerate(request.header(RequestIds.HEADER));
    return withRequestId(requestId, route(request, Optional.of(requestId)));
  }

  private CompletableFuture<ServerResponse> start(
      ServerRequest request, String kind, JobWork work, Optional<String> requestId) {
    try {
      String principal = request.principal().orElse(null);
      String key = request.header("Idempotency-Key").orElse(null);
      String fingerprint =
          key == null ? null : RequestFingerprint.of(request.method(), pathAndQuery(request), request.body());
      JobSubmission submission = JobSubmission.builder(kind).owner(principal).idempotencyKey(key, fingerprint).build();
      Job job = manager.submit(submission, work);
      Preferences prefer = Preferences.parse(request.headerValues("Prefer"));
      Optional<String> base = proxies.externalBase(request);
      Optional<Duration> wait = appliedWait(prefer);
      if (wait.isEmpty()) {
        ServerResponse.Builder accepted = accepted(job, base);
        if (prefer.respondAsync()) {
          accepted.header("Preference-Applied", "respond-async");
        }
        return CompletableFuture.completedFuture(accepted.build());
      }
      return manager
          .awaitCompletion(job.id(), principal, wait.get())
          .thenApply(
              latest ->
                  latest.isTerminal()
                      ? responses
                          .job(200, latest, base, retryAfter())
                          .header("Location", location(job, base))
                          .header("Preference-Applied", "wait=" + wait.get().toSeconds())
                          .build()
                      : accepted(latest, base).build())
          .exceptionally(failure -> error(failure, requestId));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(error(e, requestId));
    }
  }

  private CompletableFuture<ServerResponse> route(ServerRequest request, Optional<String> requestId) {
    try {
      String path = request.path();
      if (!path.startsWith(jobsPath + "/")) {
        return done(responses.problem(404, "not-found", "Not found", "No resource at " + path, requestId));
      }
      String[] segments = path.substring(jobsPath.length() + 1).split("/", -1);
      String jobId = segments[0];
      String principal = request.principal().orElse(null);
      if (segments.length == 1 && !jobId.isEmpty()) {
        return method(request, "GET", requestId, () -> getJob(request, jobId, principal, requestId));
      }
      if (segments.length == 2 && segments[1].equals("result")) {
        return method(request, "GET", requestId, () -> done(result(manager.result(jobId, principal))));
      }
      if (segments.length == 2 && segments[1].equals("cancel")) {
        Optional<String> base = proxies.externalBase(request);
        return method(request, "POST", requestId, () -> done(responses.job(202, manager.cancel(jobId, principal), base, retryAfter()).build()));
      }
      return done(responses.problem(404, "not-found", "Not found", "No resource at " + path, requestId));
    } catch (RuntimeException e) {
      return done(error(e, requestId));
    }
  }

  private CompletableFuture<ServerResponse> getJob(
      ServerRequest request, String jobId, String principal, Optional<String> requestId) {
    Optional<String> base = proxies.externalBase(request);
    Optional<Duration> wait = appliedWait(Preferences.parse(request.headerValues("Prefer")));
    if (wait.isEmpty()) {
      return done(responses.job(200, manager.get(jobId, principal), base, retryAfter()).build());
    }
    return manager
        .awaitChange(jobId, principal, wait.get())
        .thenApply(
            job ->
                responses
                    .job(200, job, base, retryAfter())
                    .header("Preference-Applied", "wait=" + wait.get().toSeconds())
                    .build())
        .exceptionally(failure -> error(failure, requestId));
  }

  private CompletableFuture<ServerResponse> method(ServerRequest request, String allowed, Optional<String> requestId,
      Supplier<CompletableFuture<ServerResponse>> action) {
    if (!request.method().equals(allowed)) {
      return done(responses.methodNotAllowed(allowed, requestId));
    }
    return action.get();
  }

  private ServerResponse.Builder accepted(Job job, Optional<String> base) {
    return responses.job(202, job, base, retryAfter()).header("Location", location(job, base));
  }

  private String location(Job job, Optional<String> base) {
    return base.orElse("") + jobsPath + "/" + job.id();
  }

  private Optional<Duration> appliedWait(Preferences prefer) {
    Duration max = manager.config().maxWait();
    return prefer.waitFor()
        .filter(wait -> !max.isZero())
        .map(wait -> wait.compareTo(max) > 0 ? max : wait);
  }

  private Duration retryAfter() {
    return manager.config().pollRetryAfter();
  }

  private static ServerResponse result(JobResult result) {
    if (result.isEmpty()) {
      return ServerResponse.builder(204).build();
    }
    return ServerResponse.builder(200).body(result.body(), result.mediaType()).build();
  }

  private ServerResponse error(Throwable failure, Optional<String> requestId) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof JobManagerException) {
      return responses.problem((JobManagerException) cause, requestId);
    }
    log.error("Job endpoint failed, request id {}", requestId.orElse("-"), cause);
    return responses.problem(500, "internal-error", "Internal server error", null, requestId);
  }

  private static String pathAndQuery(ServerRequest request) {
    return request.path() + request.query().map(query -> "?" + query).orElse("");
  }

  /** Sets the answer's one {@code X-Request-ID}, replacing any value already there. */
  private static CompletableFuture<ServerResponse> withRequestId(
      String requestId, CompletableFuture<ServerResponse> response) {
    return response.thenApply(answer -> answer.toBuilder().setHeader(RequestIds.HEADER, requestId).build());
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
