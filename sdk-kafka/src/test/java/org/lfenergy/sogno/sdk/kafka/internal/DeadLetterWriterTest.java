package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.DeadLetterHeaders;

class DeadLetterWriterTest {
  @Test
  void recordsOriginFailureAndAttemptsKeepingTheOriginalHeaders() {
    RecordHeaders original = new RecordHeaders();
    original.add("ce_id", bytes("e-1"));
    ConsumerRecord<byte[], byte[]> record = record("sogno.jobs.state-changed.v1", 2, 42, original);

    Headers headers = DeadLetterWriter.headers(record, new IllegalStateException("boom"), 3, "monitor");

    assertThat(text(headers, "ce_id")).isEqualTo("e-1");
    assertThat(text(headers, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("sogno.jobs.state-changed.v1");
    assertThat(text(headers, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("2");
    assertThat(text(headers, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("42");
    assertThat(text(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).isEqualTo("1700000000000");
    assertThat(text(headers, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("monitor");
    assertThat(text(headers, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
    assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("boom");
    assertThat(text(headers, DeadLetterHeaders.EXCEPTION_STACK_TRACE)).startsWith("java.lang.IllegalStateException: boom");
    assertThat(text(headers, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
  }

  @Test
  void capsMessageAndStackTraceWhateverTheFailure() {
    Exception huge = new RuntimeException("é".repeat(100_000), deepCause(500));

    Headers headers = DeadLetterWriter.headers(record("t", 0, 0, new RecordHeaders()), huge, 1, "g");

    assertThat(text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE)).hasSize(DeadLetterHeaders.MAX_MESSAGE_CHARS);
    assertThat(headers.lastHeader(DeadLetterHeaders.EXCEPTION_STACK_TRACE).value())
        .hasSizeLessThanOrEqualTo(DeadLetterHeaders.MAX_STACK_TRACE_BYTES);
    assertThat(totalBytes(headers)).isLessThan(8 * 1024);
  }

  @Test
  void reDeadLetteringReplacesFailureHeadersAndKeepsTheFirstOrigin() {
    ConsumerRecord<byte[], byte[]> first = record("sogno.a.b.v1", 1, 7, new RecordHeaders());
    Headers once = DeadLetterWriter.headers(first, new IllegalStateException("first"), 3, "g");
    Headers twice = once;
    for (int round = 0; round < 5; round++) {
      ConsumerRecord<byte[], byte[]> replayed = record("sogno.a.b.v1.dlt", 0, 100 + round, copy(twice));
      twice = DeadLetterWriter.headers(replayed, new IllegalArgumentException("again " + round), 1, "replayer");
    }

    assertThat(twice.toArray()).hasSameSizeAs(once.toArray());
    assertThat(totalBytes(twice)).isLessThan(8 * 1024);
    assertThat(text(twice, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("sogno.a.b.v1");
    assertThat(text(twice, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("7");
    assertThat(text(twice, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("again 4");
    assertThat(text(twice, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("replayer");
    assertThat(StreamSupport.stream(twice.headers(DeadLetterHeaders.EXCEPTION_CLASS).spliterator(), false)).hasSize(1);
  }

  @Test
  void masksSecretsInTheExceptionMessageAndStackTrace() {
    Exception failure = new IllegalStateException(
        "GET https://svc:hunter2@grid.example/v1/x?access_token=tok-123&limit=5 failed; password=pw-456",
        new RuntimeException("Authorization: Bearer eyJhbGciOi.payload.sig",
            new IllegalArgumentException("sasl.jaas.config=PlainLoginModule required username=\"u\" "
                + "password=\"jaas-789\"; client_secret: cs-000")));
    StackTraceElement[] frame = {new StackTraceElement("com.example.TokenParser", "parse", "TokenParser.java", 12)};
    for (Throwable t = failure; t != null; t = t.getCause()) {
      t.setStackTrace(frame); // short, so the 4 KB cap keeps every cause
    }

    Headers headers = DeadLetterWriter.headers(record("t", 0, 0, new RecordHeaders()), failure, 1, "g");

    String message = text(headers, DeadLetterHeaders.EXCEPTION_MESSAGE);
    String stackTrace = text(headers, DeadLetterHeaders.EXCEPTION_STACK_TRACE);
    for (String secret : new String[] {"hunter2", "tok-123", "pw-456", "eyJhbGciOi", "jaas-789", "cs-000"}) {
      assertThat(message).doesNotContain(secret);
      assertThat(stackTrace).doesNotContain(secret);
    }
    assertThat(message).isEqualTo("GET https://[redacted]@grid.example/v1/x?access_token=[redacted]&limit=5 failed; "
        + "password=[redacted]");
    assertThat(stackTrace).contains("Authorization: [redacted]", "client_secret: [redacted]",
        "username=\"u\" password=[redacted]", "at com.example.TokenParser.parse(TokenParser.java:12)");
  }

  @Test
  void cutsUtf8AtACharacterBoundary() {
    byte[] cut = DeadLetterWriter.truncateUtf8("aé", 2);
    assertThat(new String(cut, StandardCharsets.UTF_8)).isEqualTo("a");
  }

  private static Throwable deepCause(int depth) {
    Throwable cause = new IllegalStateException("root");
    for (int i = 0; i < depth; i++) {
      cause = new RuntimeException("level " + i, cause);
    }
    return cause;
  }

  private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, Headers headers) {
    return new ConsumerRecord<>(topic, partition, offset, 1_700_000_000_000L, TimestampType.CREATE_TIME,
        1, 1, bytes("k"), bytes("v"), headers, Optional.empty());
  }

  private static Headers copy(Headers headers) {
    RecordHeaders copy = new RecordHeaders();
    headers.forEach(copy::add);
    return copy;
  }

  private static long totalBytes(Headers headers) {
    long total = 0;
    for (Header header : headers) {
      total += header.key().length() + header.value().length;
    }
    return total;
  }

  private static String text(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
