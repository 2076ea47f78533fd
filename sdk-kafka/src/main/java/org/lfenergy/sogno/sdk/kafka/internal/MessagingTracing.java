package org.lfenergy.sogno.sdk.kafka.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.lfenergy.sogno.sdk.kafka.KafkaTracing;

/**
 * The OpenTelemetry spans of publishers and subscribers (instrumentation scope {@value
 * #INSTRUMENTATION}), built by {@link KafkaTracing}. Loaded only when an OpenTelemetry is configured.
 */
final class MessagingTracing {
  static final String INSTRUMENTATION = "org.lfenergy.sogno.sdk.kafka";
  private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("sogno.messaging.outcome");
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sogno.attempt");

  private final Tracer tracer;

  MessagingTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
  }

  MessagingTelemetry.Publish publishing(String topic, String messageId) {
    SpanBuilder builder = KafkaTracing.publishSpan(tracer, topic);
    if (messageId != null) {
      builder.setAttribute(KafkaTracing.MESSAGE_ID, messageId);
    }
    Span span = builder.startSpan();
    return new MessagingTelemetry.Publish() {
      @Override
      public void inject(Headers headers) {
        KafkaTracing.inject(Context.current().with(span), headers);
      }

      @Override
      public void ended(RecordMetadata metadata, Throwable failure) {
        if (metadata != null) {
          span.setAttribute(KafkaTracing.PARTITION, Integer.toString(metadata.partition()));
          if (metadata.hasOffset()) {
            span.setAttribute(KafkaTracing.OFFSET, metadata.offset());
          }
        }
        if (failure != null) {
          KafkaTracing.failed(span, failure);
        }
        span.end();
      }
    };
  }

  MessagingTelemetry.Processing processing(ConsumerRecord<?, ?> record, String groupId) {
    Span span = KafkaTracing.processSpan(tracer, record, groupId).startSpan();
    Scope scope = span.makeCurrent();
    return new MessagingTelemetry.Processing() {
      private Throwable last;

      @Override
      public void routed(Dispatch dispatch) {
        String messageId = dispatch.messageId(); // null on a plain-JSON topic
        if (messageId != null) {
          span.setAttribute(KafkaTracing.MESSAGE_ID, messageId).setAttribute(EVENT_TYPE, dispatch.typeTag());
        }
      }

      @Override
      public void attemptFailed(int attempt, Throwable failure) {
        last = failure;
        span.recordException(failure, Attributes.of(ATTEMPT, (long) attempt));
      }

      @Override
      public void ended(String outcome) {
        span.setAttribute(OUTCOME, outcome);
        if (!"success".equals(outcome)) {
          if (last != null) {
            span.setAttribute(KafkaTracing.ERROR_TYPE, last.getClass().getName());
          }
          span.setStatus(StatusCode.ERROR, last == null ? outcome : outcome + ": " + last.getMessage());
        }
        scope.close();
        span.end();
      }
    };
  }
}
