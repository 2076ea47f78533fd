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
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call through a Resilience4j {@link Retry}: I/O failures and the configured statuses, only
 * for idempotent methods or requests with {@code Idempotency-Key}; waits {@code Retry-After} or an
 * the configured backoff; stops at the attempt cap or the total-time cap. Waiting notices
 * cancellation of the call within a few milliseconds. Every attempt gets the call's own read timeout
 * when it has one.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
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
    long deadline = clock.millis() + settings.backoff().maxTotalTime().toMillis();
    // Created at the first failure: most calls succeed at once and never need Resilience4j's state.
    Retry.AsyncContext<Response> context = null;
    while (true) {
      Response response;
      try {
        response = attempt(chain, request);
      } catch (IOException e) {
        if (context == null) {
          context = retry.asyncContext();
        }
        long wait = chain.call().isCanceled() ? -1 : context.onError(e);
        if (!mayWait(wait, deadline)) {
          throw e;
        }
        LOG.debug("Retrying {} {} in {} ms after {}", request.method(), request.url().encodedPath(), wait, e.toString());
        sleep(chain, wait);
        continue;
      }
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
        LOG.debug("Not retrying {} {}: {}", request.method(), request.url().encodedPath(), e.toString());
        return response;
      }
      if (wait < 0 || !mayWait(wait, deadline) || retryAfterTooLong(response)) {
        context.onComplete();
        return response;
      }
      LOG.debug("Retrying {} {} in {} ms after HTTP {}", request.method(), request.url().encodedPath(), wait,
          response.code());
      response.close();
      sleep(chain, wait);
    }
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
