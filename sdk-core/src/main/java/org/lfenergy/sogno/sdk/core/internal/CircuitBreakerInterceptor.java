package org.lfenergy.sogno.sdk.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.CircuitOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j {@link CircuitBreaker} per {@code host:port}, consulted before every attempt. I/O
 * failures and 5xx responses count as failures; a cancelled call counts as nothing. Every state
 * change is logged at WARN to {@value CircuitBreakerConfig#LOGGER_NAME} and told to the {@link
 * Listener}; a refused call is told to the call's {@link CallObserver}.
 */
public final class CircuitBreakerInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakerConfig.LOGGER_NAME);

  /** Hears of breakers as they are created and change state (metrics). */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void created(CircuitBreaker breaker) {}

    default void transitioned(CircuitBreaker breaker, CircuitBreaker.State from, CircuitBreaker.State to) {}
  }

  private final CircuitBreakerRegistry registry;
  private final ConcurrentMap<Origin, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Listener listener;

  public CircuitBreakerInterceptor(CircuitBreakerConfig settings) {
    this(settings, Listener.NONE);
  }

  public CircuitBreakerInterceptor(CircuitBreakerConfig settings, Listener listener) {
    this.listener = listener;
    this.registry = CircuitBreakerRegistry.of(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
        .waitDurationInOpenState(settings.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
        .build());
  }

  /** The breaker for {@code url}'s host and port (created on first use). */
  public CircuitBreaker breakerFor(HttpUrl url) {
    Origin origin = new Origin(url.host(), url.port());
    CircuitBreaker breaker = breakers.get(origin);
    return breaker != null ? breaker
        : breakers.computeIfAbsent(origin, key -> observed(registry.circuitBreaker(key.host() + ":" + key.port())));
  }

  private CircuitBreaker observed(CircuitBreaker breaker) {
    breaker.getEventPublisher().onStateTransition(event -> {
      CircuitBreaker.State from = event.getStateTransition().getFromState();
      CircuitBreaker.State to = event.getStateTransition().getToState();
      CircuitBreaker.Metrics metrics = breaker.getMetrics();
      LOG.warn("Circuit breaker {} changed from {} to {} (failure rate {}% of the last {} calls){}", breaker.getName(),
          from, to, metrics.getFailureRate(), metrics.getNumberOfBufferedCalls(),
          to == CircuitBreaker.State.OPEN ? "; calls to this host fail fast with CircuitOpenException" : "");
      listener.transitioned(breaker, from, to);
    });
    listener.created(breaker);
    return breaker;
  }

  /** The breaker's key: no string is built per attempt once the host has its breaker. */
  private record Origin(String host, int port) {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CircuitBreaker breaker = breakerFor(request.url());
    if (!breaker.tryAcquirePermission()) {
      CallContext.of(request).observer().circuitOpen(breaker.getName());
      throw new SognoIOException(new CircuitOpenException(breaker.getName(), request.header(CallHeadersInterceptor.REQUEST_ID)));
    }
    long start = breaker.getCurrentTimestamp();
    try {
      Response response = chain.proceed(request);
      long elapsed = breaker.getCurrentTimestamp() - start;
      if (response.code() >= 500) {
        breaker.onError(elapsed, breaker.getTimestampUnit(), new ServerErrorStatus(response.code()));
      } else {
        breaker.onSuccess(elapsed, breaker.getTimestampUnit());
      }
      return response;
    } catch (IOException | RuntimeException e) {
      if (chain.call().isCanceled()) {
        breaker.releasePermission();
      } else {
        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
      }
      throw e;
    }
  }

  /** Stands for a 5xx response in the breaker's failure records. */
  static final class ServerErrorStatus extends Exception {
    private static final long serialVersionUID = 1L;

    ServerErrorStatus(int status) {
      super("HTTP " + status, null, false, false);
    }
  }

}
