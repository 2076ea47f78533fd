package org.lfenergy.sogno.sdk.core.internal;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call through a Resilience4j {@link Retry}: I/O failures and the configured statuses, only
 * for idempotent methods or requests with {@code Idempotency-Key}; waits {@code Retry-After} or an
 * the configured backoff; stops at the attempt cap or the total-time cap. Waiting notices
 * cancellation of the call within a few milliseconds. Every attempt gets the call's own read timeout
 * when it has one. Retries are logged at DEBUG and a retryable failure it stops at at WARN (logger
 * {@value RetryConfig#LOGGER_NAME}), and told to the call's {@link CallObserver}.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryConfig.LOGGER_NAME);
  /** The largest body of a retried response read to its end so that its connection is reused. */
  private static final long DISCARD_LIMIT = 64 * 1024;
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final RetryConfig settings;
  private final Retry retry;
  private final Clock clock;
  private final Sleeper sleeper;

  public RetryInterceptor(RetryConfig settings, Clock clock) {
    this(settings, clock, Sleeper.REAL);
  }

  /** With the {@code sleeper} that spends the waits between attempts (tests record them instead). */
  public RetryInterceptor(RetryConfig settings, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.retry = Retry.of("sogno-http", io.github.resilience4j.retry.RetryConfig.<Response>custom()
        .maxAttempts(settings.backoff().maxAttempts())
        .retryOnResult(this::isRetryableStatus)
        .retryOnException(RetryInterceptor::isRetryableFailure)
        .intervalBiFunction(this::waitMillis)
        .build());
  }

  /** Whether the request may be sent again without risk of doing its effect twice. */
  public static boolean isRetryable(Request request) {
    if (request.body() != null && request.body().isOneShot()) {
      return false; // a body streamed from an InputStream cannot be sent twice
    }
    return IDEMPOTENT_METHODS.contains(request.method())
        || (("POST".equals(request.method()) || "PATCH".equals(request.method()))
            && request.header("Idempotency-Key") != null);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (settings.backoff().maxAttempts() == 1 || !isRetryable(request)) {
      return attempt(chain, request);
    }
    CallContext call = CallContext.of(request);
    long deadline = clock.millis() + settings.backoff().maxTotalTime().toMillis();
    // Created at the first failure: most calls succeed at once and never need Resilience4j's state.
    Retry.AsyncContext<Response> context = null;
    while (true) {
      Response response;
      try {
        response = attempt(chain, request);
      } catch (IOException e) {
        call.observer().attemptEnded(call.attempts(), 0, e);
        if (!isRetryableFailure(e) || chain.call().isCanceled()) {
          throw e;
        }
        if (context == null) {
          context = retry.asyncContext();
        }
        long wait = context.onError(e);
        if (!mayWait(wait, deadline)) {
          giveUp(request, call, wait < 0 ? "attempt cap reached" : "next wait would pass the time cap", e.toString());
          throw e;
        }
        retrying(request, call, CallOutcome.retryReason(0, e), e.toString(), wait, false);
        sleep(chain, wait);
        continue;
      }
      call.observer().attemptEnded(call.attempts(), response.code(), null);
      if (context == null) {
        if (!isRetryableStatus(response)) {
          return response;
        }
        context = retry.asyncContext();
      }
      long wait;
      try {
        wait = context.onResult(response);
      } catch (RuntimeException e) {
        // Deciding must never lose the response: it goes to the caller, who closes it.
        LOG.debug("Not retrying {} {}: {}", request.method(), Redaction.forMessage(request.url()), e.toString());
        return response;
      }
      boolean retryable = isRetryableStatus(response);
      String stop = !retryable ? null : wait < 0 ? "attempt cap reached"
          : retryAfterTooLong(response) ? "Retry-After over maxRetryAfter " + settings.maxRetryAfter()
          : !mayWait(wait, deadline) ? "next wait would pass the time cap" : null;
      if (!retryable || stop != null) {
        context.onComplete();
        if (stop != null) {
          giveUp(request, call, stop, "HTTP " + response.code());
        }
        return response;
      }
      retrying(request, call, CallOutcome.retryReason(response.code(), null), "HTTP " + response.code(), wait,
          retryAfter(response).isPresent());
      discard(response);
      sleep(chain, wait);
    }
  }

  /**
   * Closes a response that will be retried, reading a small body to its end first: a connection is
   * reused only after its body was read, and OkHttp's own discard on close gives up after 100 ms,
   * which a busy machine can miss. A larger body, or one that fails to read, just closes the
   * connection.
   */
  private static void discard(Response response) {
    try (response) {
      BufferedSource source = response.body().source();
      source.request(DISCARD_LIMIT + 1);
      if (source.getBuffer().size() <= DISCARD_LIMIT) {
        source.skip(source.getBuffer().size());
      }
    } catch (IOException | RuntimeException ignored) {
      // the connection is not reused; nothing else depends on this body
    }
  }

  private void retrying(Request request, CallContext call, String reason, String cause, long wait, boolean retryAfter) {
    call.observer().retrying(call.attempts(), reason, wait, retryAfter);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Retrying {} {}: attempt {} of {} failed ({}); attempt {} in {} ms ({}, request id {})",
          request.method(), Redaction.forMessage(request.url()), call.attempts(), settings.backoff().maxAttempts(),
          cause, call.attempts() + 1, wait, retryAfter ? "Retry-After" : "backoff", call.requestId());
    }
  }

  private static void giveUp(Request request, CallContext call, String why, String lastCause) {
    LOG.warn("Giving up on {} {} after {} attempt{} ({}); last cause: {} (request id {})", request.method(),
        Redaction.forMessage(request.url()), call.attempts(), call.attempts() == 1 ? "" : "s", why, lastCause,
        call.requestId());
  }

  /** One attempt, with the call's own read timeout ({@code ApiRequest.Builder#timeout}) if it has one. */
  private static Response attempt(Chain chain, Request request) throws IOException {
    CallContext context = CallContext.of(request);
    context.attemptStarted();
    if (context.timeout() == null) {
      return chain.proceed(request);
    }
    int millis = (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis());
    return chain.withReadTimeout(millis, TimeUnit.MILLISECONDS).proceed(request);
  }

  private boolean isRetryableStatus(Response response) {
    return settings.retryOnStatus().contains(response.code());
  }

  private static boolean isRetryableFailure(Throwable failure) {
    return failure instanceof IOException && !(failure instanceof SognoIOException);
  }

  private boolean mayWait(long wait, long deadline) {
    return wait >= 0 && wait <= deadline - clock.millis(); // no overflow for a huge wait
  }

  private boolean retryAfterTooLong(Response response) {
    return retryAfter(response).map(wait -> wait.compareTo(settings.maxRetryAfter()) > 0).orElse(false);
  }

  private Optional<Duration> retryAfter(Response response) {
    return RetryAfter.parse(response.header("Retry-After"), clock);
  }

  private Long waitMillis(int attempt, Either<Throwable, Response> outcome) {
    if (outcome.isRight()) {
      Optional<Duration> retryAfter = retryAfter(outcome.get());
      if (retryAfter.isPresent()) {
        return retryAfter.get().toMillis();
      }
    }
    return settings.backoff().delay(attempt).toMillis();
  }

  private void sleep(Chain chain, long millis) throws IOException {
    sleeper.sleep(millis, chain.call()::isCanceled);
  }
}
