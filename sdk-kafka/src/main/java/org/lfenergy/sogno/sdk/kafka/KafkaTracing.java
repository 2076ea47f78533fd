package org.lfenergy.sogno.sdk.kafka;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * OpenTelemetry spans of Kafka records per the messaging semantic conventions, and the W3C trace
 * context ({@value #TRACEPARENT}, {@value #TRACESTATE}) in record headers: what the SDK's publishers,
 * subscribers and distributed jobs use, for code that writes or reads records with its own clients.
 *
 * <p>Needs {@code io.opentelemetry:opentelemetry-api} on the class path (an optional dependency of
 * this module); the SDK calls it only when an {@code ObservabilityConfig} with an OpenTelemetry is
 * configured. Stateless and thread-safe.
 */
public final class KafkaTracing {
  /** The W3C trace context header: the span that published the record. */
  public static final String TRACEPARENT = "traceparent";
  /** The W3C trace state header, sent when the context has one. */
  public static final String TRACESTATE = "tracestate";

  /** {@code messaging.system}, always {@code kafka}. */
  public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  /** {@code messaging.destination.name}: the topic. */
  public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  /** {@code messaging.destination.partition.id}. */
  public static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
  /** {@code messaging.kafka.offset}. */
  public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  /** {@code messaging.message.id}: the CloudEvent id. */
  public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  /** {@code messaging.consumer.group.name}. */
  public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  /** {@code messaging.operation.type}: {@code send} or {@code process}. */
  public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  /** {@code messaging.operation.name}: {@code publish} or {@code process}. */
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  /** {@code error.type}: the failure's class name. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private static final TextMapSetter<Headers> SETTER =
      (headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8));

  private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers headers) {
      List<String> keys = new ArrayList<>();
      headers.forEach(header -> keys.add(header.key()));
      return keys;
    }

    @Override
    public String get(Headers headers, String name) {
      Header header = headers == null ? null : headers.lastHeader(name);
      return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  };

  private KafkaTracing() {}

  /**
   * Writes {@code context}'s span as {@value #TRACEPARENT} (and {@value #TRACESTATE}) into {@code
   * headers}, replacing any there; writes nothing for a context without a valid span.
   */
  public static void inject(Context context, Headers headers) {
    headers.remove(TRACEPARENT);
    headers.remove(TRACESTATE);
    W3CTraceContextPropagator.getInstance().inject(context, headers, SETTER);
  }

  /** The current context with the remote span named by the record's headers, if they name a valid one. */
  public static Context extract(Headers headers) {
    return W3CTraceContextPropagator.getInstance().extract(Context.current(), headers, GETTER);
  }

  /**
   * A {@link SpanKind#PRODUCER} span {@code <topic> publish}, a child of the current context, with
   * {@code messaging.system}, {@code messaging.destination.name} and the operation; start it, {@link
   * #inject} it, and set {@link #PARTITION} and {@link #OFFSET} once the broker acknowledged.
   */
  public static SpanBuilder publishSpan(Tracer tracer, String topic) {
    return tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
        .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION_TYPE, "send").setAttribute(OPERATION_NAME, "publish");
  }

  /**
   * A {@link SpanKind#CONSUMER} span {@code <topic> process} continuing the trace the record's headers
   * carry (else a child of the current context), with the record's topic, partition and offset and
   * {@code consumerGroup} unless null.
   */
  public static SpanBuilder processSpan(Tracer tracer, ConsumerRecord<?, ?> record, String consumerGroup) {
    SpanBuilder span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
        .setParent(extract(record.headers()))
        .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
        .setAttribute(PARTITION, Integer.toString(record.partition())).setAttribute(OFFSET, record.offset())
        .setAttribute(OPERATION_TYPE, "process").setAttribute(OPERATION_NAME, "process");
    return consumerGroup == null ? span : span.setAttribute(CONSUMER_GROUP, consumerGroup);
  }

  /** Marks {@code span} failed by {@code failure}: {@code error.type}, the exception event, status ERROR. */
  public static void failed(Span span, Throwable failure) {
    span.setAttribute(ERROR_TYPE, failure.getClass().getName()).recordException(failure)
        .setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
  }
}
