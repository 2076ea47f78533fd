package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/** One observed call: its metrics and its span, each present only when configured. */
final class ObservedCall implements CallObserver {
  private final ClientMetrics metrics;
  private final ClientTracing tracing;
  private final String method;
  private final String operation;
  private final String template;
  private final HttpUrl url;
  private final long startNanos = System.nanoTime();
  private ClientTracing.CallSpan span;

  ObservedCall(ClientMetrics metrics, ClientTracing tracing, String method, String operation, String template,
      HttpUrl url) {
    this.metrics = metrics;
    this.tracing = tracing;
    this.method = method;
    this.operation = operation;
    this.template = template;
    this.url = url;
  }

  @Override
  public String begin(String explicit, Supplier<String> current) {
    if (tracing == null) {
      return null;
    }
    span = tracing.start(method, operation, template, url, explicit, current);
    return span.traceparent();
  }

  @Override
  public void attemptEnded(int attempt, int status, IOException failure) {
    if (span != null) {
      span.attemptEnded(attempt, status, failure);
    }
  }

  @Override
  public void retrying(int attempt, String reason, long waitMillis, boolean retryAfter) {
    if (metrics != null) {
      metrics.retried(operation, method, reason);
    }
    if (span != null) {
      span.retrying(attempt, reason, waitMillis, retryAfter);
    }
  }

  @Override
  public void circuitOpen(String breaker) {
    if (span != null) {
      span.circuitOpen(breaker);
    }
  }

  @Override
  public void ended(int status, Throwable failure) {
    if (metrics != null) {
      metrics.called(operation, method, status, failure, System.nanoTime() - startNanos);
    }
    if (span != null) {
      span.ended(status, failure);
    }
  }
}
