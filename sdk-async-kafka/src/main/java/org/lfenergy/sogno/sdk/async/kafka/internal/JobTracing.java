package org.lfenergy.sogno.sdk.async.kafka.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.kafka.KafkaTracing;

/**
 * The OpenTelemetry side of {@link MessageTracing} (instrumentation scope {@value #INSTRUMENTATION}),
 * with the messaging spans of {@link KafkaTracing}. Loaded only when an OpenTelemetry is configured.
 */
final class JobTracing {
  static final String INSTRUMENTATION = "org.lfenergy.sogno.sdk.async.kafka";
  private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sogno.job.id");
  private static final AttributeKey<String> JOB_KIND = AttributeKey.stringKey("sogno.job.kind");
  private static final AttributeKey<String> JOB_STATUS = AttributeKey.stringKey("sogno.job.status");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sogno.job.attempt");
  private static final AttributeKey<String> ACKNOWLEDGEMENT = AttributeKey.stringKey("sogno.job.acknowledgement");

  private final Tracer tracer;

  JobTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
  }

  void inject(Headers headers) {
    KafkaTracing.inject(Context.current(), headers);
  }

  MessageTracing.Run running(ConsumerRecord<?, ?> request, String shareGroup, String kind, int attempt) {
    Span span = KafkaTracing.processSpan(tracer, request, shareGroup)
        .setAttribute(JOB_ID, String.valueOf(request.key())).setAttribute(JOB_KIND, String.valueOf(kind))
        .setAttribute(ATTEMPT, (long) attempt).startSpan();
    Scope scope = span.makeCurrent();
    return new MessageTracing.Run() {
      @Override
      public void failed(Throwable failure) {
        KafkaTracing.failed(span, failure);
      }

      @Override
      public void ended(String acknowledgement) {
        if (acknowledgement == null) {
          span.setStatus(StatusCode.ERROR, "not acknowledged");
        } else {
          span.setAttribute(ACKNOWLEDGEMENT, acknowledgement);
        }
        scope.close();
        span.end();
      }
    };
  }

  void received(ConsumerRecord<?, ?> record, Job job, CompletableFuture<Job> waiting) {
    Span span = KafkaTracing.processSpan(tracer, record, null)
        .setAttribute(JOB_ID, job.id()).setAttribute(JOB_STATUS, job.status().value()).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      waiting.complete(job);
    } finally {
      span.end();
    }
  }
}
