package org.lfenergy.sogno.sdk.server.internal;

import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.server.IncomingRequest;

/**
 * The server's metrics and traces as its {@link ObservabilityConfig} asks; {@link #NONE} when neither
 * is configured. Micrometer and OpenTelemetry classes are touched only when configured.
 */
public final class ServerTelemetry {
  public static final ServerTelemetry NONE = new ServerTelemetry(null, null);

  private final ServerMetrics metrics;
  private final ServerTracing tracing;

  private ServerTelemetry(ServerMetrics metrics, ServerTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  public static ServerTelemetry of(ObservabilityConfig config) {
    if (!config.hasMetrics() && !config.hasTracing()) {
      return NONE;
    }
    return new ServerTelemetry(config.hasMetrics() ? new ServerMetrics(config.meterRegistry().orElseThrow()) : null,
        config.hasTracing() ? new ServerTracing(config.openTelemetry().orElseThrow()) : null);
  }

  RequestObserver start(IncomingRequest request) {
    return this == NONE ? RequestObserver.NONE : new ObservedRequest(request.method(),
        metrics, tracing == null ? null : tracing.start(request));
  }

  /** One observed request. */
  private static final class ObservedRequest implements RequestObserver {
    private final String method;
    private final ServerMetrics metrics;
    private final ServerTracing.RequestSpan span;
    private final long startNanos = System.nanoTime();
    private volatile String operation = "unmatched";

    ObservedRequest(String method, ServerMetrics metrics, ServerTracing.RequestSpan span) {
      this.method = method;
      this.metrics = metrics;
      this.span = span;
    }

    @Override
    public Scope enter() {
      return span == null ? Scope.NONE : span.enter();
    }

    @Override
    public void routed(String operation, String route) {
      this.operation = operation;
      if (span != null) {
        span.routed(operation, route);
      }
    }

    @Override
    public void ended(int status) {
      if (metrics != null) {
        metrics.served(operation, method, status, System.nanoTime() - startNanos);
      }
      if (span != null) {
        span.ended(status);
      }
    }
  }
}
