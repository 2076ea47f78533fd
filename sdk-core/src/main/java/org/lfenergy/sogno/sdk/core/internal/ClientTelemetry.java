package org.lfenergy.sogno.sdk.core.internal;

import okhttp3.HttpUrl;
import org.lfenergy.sogno.sdk.core.LoggingConfig;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * A client's metrics and traces as its {@link ObservabilityConfig} asks: {@link #NONE} when neither
 * is configured (then calls get {@link CallObserver#NONE} and nothing is allocated for them). The
 * Micrometer and OpenTelemetry classes are touched only when configured, so both stay optional.
 */
public final class ClientTelemetry {
  public static final ClientTelemetry NONE = new ClientTelemetry(null, null);

  private final ClientMetrics metrics;
  private final ClientTracing tracing;

  private ClientTelemetry(ClientMetrics metrics, ClientTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  public static ClientTelemetry of(ObservabilityConfig config, LoggingConfig logging) {
    if (!config.hasMetrics() && !config.hasTracing()) {
      return NONE;
    }
    return new ClientTelemetry(config.hasMetrics() ? new ClientMetrics(config.meterRegistry().orElseThrow()) : null,
        config.hasTracing() ? new ClientTracing(config.openTelemetry().orElseThrow(), logging) : null);
  }

  /** The observer of a new call. */
  public CallObserver start(String method, String operation, String template, HttpUrl url) {
    return this == NONE ? CallObserver.NONE : new ObservedCall(metrics, tracing, method, operation, template, url);
  }

  /** What the circuit breakers tell about themselves. */
  public CircuitBreakerInterceptor.Listener breakers() {
    return metrics != null ? metrics : CircuitBreakerInterceptor.Listener.NONE;
  }

  /** Removes what the client registered that reads its state. */
  public void close() {
    if (metrics != null) {
      metrics.close();
    }
  }
}
