package org.lfenergy.sogno.sdk.core.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.lfenergy.sogno.sdk.core.LoggingConfig;

/**
 * A client's OpenTelemetry spans: one {@link SpanKind#CLIENT} span per logical call, named and
 * attributed per the HTTP client semantic conventions, with an event per attempt, per retry (reason,
 * wait, whether {@code Retry-After} set it) and for a refusal by the circuit breaker. Loaded only when
 * an OpenTelemetry is configured, so its API stays optional.
 */
final class ClientTracing {
  static final String INSTRUMENTATION = "org.lfenergy.sogno.sdk.core";
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sogno.attempt");
  private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("sogno.operation");
  private static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  private static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("sogno.retry.reason");
  private static final AttributeKey<Long> RETRY_WAIT = AttributeKey.longKey("sogno.retry.wait_ms");
  private static final AttributeKey<String> RETRY_WAIT_SOURCE = AttributeKey.stringKey("sogno.retry.wait_source");
  private static final AttributeKey<String> BREAKER = AttributeKey.stringKey("sogno.circuit_breaker.name");

  private final Tracer tracer;
  private final LoggingConfig logging;

  ClientTracing(OpenTelemetry openTelemetry, LoggingConfig logging) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION, SdkVersion.version());
    this.logging = logging;
  }

  /**
   * Starts a call's span, a child of {@code explicit} (a traceparent set on the request), else of the
   * current OpenTelemetry span, else of {@code current}'s traceparent, else of the current context.
   */
  CallSpan start(String method, String operation, String template, HttpUrl url, String explicit,
      Supplier<String> current) {
    SpanBuilder span = tracer.spanBuilder(template == null ? method : method + " " + template)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent(explicit, current))
        .setAttribute(METHOD, method)
        .setAttribute(URL_FULL, Redaction.forLog(url, logging::isRedactedQueryParam))
        .setAttribute(SERVER_ADDRESS, url.host())
        .setAttribute(SERVER_PORT, (long) url.port())
        .setAttribute(OPERATION, operation);
    if (template != null) {
      span.setAttribute(URL_TEMPLATE, template);
    }
    return new CallSpan(span.startSpan());
  }

  private static Context parent(String explicit, Supplier<String> current) {
    if (explicit != null) {
      return remote(explicit);
    }
    if (Span.current().getSpanContext().isValid()) {
      return Context.current();
    }
    String callers = current.get();
    return CallHeadersInterceptor.isValidTraceparent(callers) ? remote(callers) : Context.current();
  }

  /** The context of a valid W3C traceparent received from elsewhere. */
  static Context remote(String traceparent) {
    SpanContext context = SpanContext.createFromRemoteParent(traceparent.substring(3, 35),
        traceparent.substring(36, 52), TraceFlags.fromHex(traceparent, 53), TraceState.getDefault());
    return Context.current().with(Span.wrap(context));
  }

  /** The W3C traceparent naming {@code context}, or null when it is not valid (a no-op span). */
  static String traceparent(SpanContext context) {
    return context.isValid()
        ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex() : null;
  }

  /** One call's span. */
  static final class CallSpan {
    private final Span span;
    private int attempts;

    CallSpan(Span span) {
      this.span = span;
    }

    String traceparent() {
      return ClientTracing.traceparent(span.getSpanContext());
    }

    void attemptEnded(int attempt, int status, IOException failure) {
      attempts = attempt;
      span.addEvent("sogno.http.attempt", failure == null
          ? Attributes.of(ATTEMPT, (long) attempt, STATUS, (long) status)
          : Attributes.of(ATTEMPT, (long) attempt, ERROR_TYPE, failure.getClass().getName()));
    }

    void retrying(int attempt, String reason, long waitMillis, boolean retryAfter) {
      span.addEvent("sogno.http.retry", Attributes.of(ATTEMPT, (long) attempt, RETRY_REASON, reason, RETRY_WAIT,
          waitMillis, RETRY_WAIT_SOURCE, retryAfter ? "retry-after" : "backoff"));
    }

    void circuitOpen(String breaker) {
      span.addEvent("sogno.circuit_breaker.open", Attributes.of(BREAKER, breaker));
    }

    void ended(int status, Throwable failure) {
      if (status > 0) {
        span.setAttribute(STATUS, (long) status);
      }
      if (attempts > 1) {
        span.setAttribute(RESEND_COUNT, (long) attempts - 1);
      }
      if (status >= 400 || failure != null) {
        span.setAttribute(ERROR_TYPE, status >= 400 ? Integer.toString(status) : failure.getClass().getName());
        span.setStatus(StatusCode.ERROR, failure == null ? "" : failure.getMessage());
      }
      span.end();
    }
  }
}
