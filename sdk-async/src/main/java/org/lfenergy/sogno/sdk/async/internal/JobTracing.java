package org.lfenergy.sogno.sdk.async.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * A job runtime's OpenTelemetry spans: one {@link SpanKind#INTERNAL} span per run of a job, a child of
 * and linked to the span that was current when the job was submitted (kept with the job as a W3C trace context, so
 * the link survives a restart and holds on another replica). Loaded only when an OpenTelemetry is
 * configured, so its API stays optional.
 */
public final class JobTracing {
  static final String INSTRUMENTATION = "org.lfenergy.sogno.sdk.async";
  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sogno.job.id");
  static final AttributeKey<String> JOB_KIND = AttributeKey.stringKey("sogno.job.kind");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("sogno.job.outcome");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sogno.job.attempt");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";
  private static final char SEPARATOR = ';'; // no traceparent contains it

  private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;

  public JobTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
  }

  /**
   * The W3C trace context of the current span, {@code traceparent} optionally followed by {@code ;}
   * and the {@code tracestate}; null when no valid span is current.
   */
  public String currentContext() {
    if (!Span.current().getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> headers = new HashMap<>(2);
    W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    String traceparent = headers.get(TRACEPARENT);
    String tracestate = headers.get(TRACESTATE);
    if (traceparent == null) {
      return null;
    }
    return tracestate == null || tracestate.isEmpty() ? traceparent : traceparent + SEPARATOR + tracestate;
  }

  /** The span context a stored trace context names; invalid when it is absent or malformed. */
  static SpanContext submitter(String traceContext) {
    if (traceContext == null) {
      return SpanContext.getInvalid();
    }
    int separator = traceContext.indexOf(SEPARATOR);
    Map<String, String> headers = new HashMap<>(2);
    headers.put(TRACEPARENT, separator < 0 ? traceContext : traceContext.substring(0, separator));
    if (separator >= 0) {
      headers.put(TRACESTATE, traceContext.substring(separator + 1));
    }
    Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, MAP);
    return Span.fromContext(extracted).getSpanContext();
  }

  /**
   * Starts the span of one run of a job, linked to its submitter's span if known (so a backend that
   * shows the run apart from the request still leads to it). Its parent is the span current on this
   * thread if any (a distributed worker's delivery span, which continues the submitter's trace), else
   * the submitter's span (so the request, the job and what the job publishes are one trace), else
   * none: a new trace.
   */
  public JobSpan start(String jobId, String kind, int attempt, String traceContext) {
    SpanBuilder builder = tracer.spanBuilder(kind == null ? "job" : "job " + kind)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(JOB_ID, jobId)
        .setAttribute(ATTEMPT, (long) attempt);
    if (kind != null) {
      builder.setAttribute(JOB_KIND, kind);
    }
    SpanContext submitter = submitter(traceContext);
    if (submitter.isValid()) {
      builder.addLink(submitter);
    }
    if (Span.current().getSpanContext().isValid()) {
      builder.setParent(Context.current());
    } else if (submitter.isValid()) {
      builder.setParent(Context.root().with(Span.wrap(submitter)));
    } else {
      builder.setNoParent();
    }
    return new JobSpan(builder.startSpan());
  }

  /** One run's span. */
  public static final class JobSpan {
    private final Span span;

    JobSpan(Span span) {
      this.span = span;
    }

    /** Makes the span current on this thread until the returned scope closes. */
    public JobTelemetry.Scope enter() {
      Scope scope = span.makeCurrent();
      return scope::close;
    }

    /**
     * Ends the span with {@code outcome}; a failed run is an error, with the job's problem code as
     * {@code error.type} and {@code failure} recorded as an exception event.
     */
    public void ended(String outcome, Problem problem, Throwable failure) {
      span.setAttribute(OUTCOME, outcome);
      if ("failed".equals(outcome)) {
        String code = problem != null && problem.code() != null ? problem.code() : "job-failed";
        span.setAttribute(ERROR_TYPE, code);
        span.setStatus(StatusCode.ERROR, problem != null && problem.title() != null ? problem.title() : code);
        if (failure != null) {
          span.recordException(failure);
        }
      }
      span.end();
    }
  }
}
