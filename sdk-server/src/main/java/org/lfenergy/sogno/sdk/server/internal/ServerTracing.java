package org.lfenergy.sogno.sdk.server.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.lfenergy.sogno.sdk.server.IncomingRequest;

/**
 * The server's OpenTelemetry spans: one {@link SpanKind#SERVER} span per request, continuing the
 * caller's W3C {@code traceparent} (and {@code tracestate}), named {@code {method} {route}} per the
 * HTTP server semantic conventions once routed. Loaded only when an OpenTelemetry is configured.
 */
final class ServerTracing {
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("sogno.operation");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private static final TextMapGetter<IncomingRequest> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(IncomingRequest request) {
      return request.headers().keySet();
    }

    @Override
    public String get(IncomingRequest request, String name) {
      return request == null ? null : request.header(name).orElse(null);
    }
  };

  private final Tracer tracer;

  ServerTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("org.lfenergy.sogno.sdk.server");
  }

  RequestSpan start(IncomingRequest request) {
    Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
    Span span = tracer.spanBuilder(request.method()).setSpanKind(SpanKind.SERVER).setParent(parent)
        .setAttribute(METHOD, request.method()).setAttribute(PATH, request.rawPath()).startSpan();
    return new RequestSpan(span, request.method());
  }

  /** One request's span. */
  static final class RequestSpan {
    private final Span span;
    private final String method;

    RequestSpan(Span span, String method) {
      this.span = span;
      this.method = method;
    }

    RequestObserver.Scope enter() {
      return span.makeCurrent()::close;
    }

    void routed(String operation, String route) {
      span.updateName(method + " " + route).setAttribute(ROUTE, route).setAttribute(OPERATION, operation);
    }

    void ended(int status) {
      span.setAttribute(STATUS, (long) status);
      if (status >= 500) { // a server span is an error only for 5xx
        span.setAttribute(ERROR_TYPE, Integer.toString(status)).setStatus(StatusCode.ERROR);
      }
      span.end();
    }
  }
}
