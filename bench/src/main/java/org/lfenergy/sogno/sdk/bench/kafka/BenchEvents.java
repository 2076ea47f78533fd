package org.lfenergy.sogno.sdk.bench.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.lfenergy.sogno.sdk.kafka.EventType;
import org.lfenergy.sogno.sdk.kafka.JobEvents;

/** The payload both sides send: a job state change as services publish it. */
final class BenchEvents {
  static final URI SOURCE = URI.create("/sogno/bench");
  static final EventType<Job> TYPE = JobEvents.stateChanged(Job.class);
  static final int KEYS = 1_000;

  record Job(String id, String status, String kind, Progress progress, OffsetDateTime createdAt,
      OffsetDateTime updatedAt, Map<String, Link> links) {}

  record Progress(int percent, String message) {}

  record Link(String href) {}

  private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);

  private BenchEvents() {}

  static String key(int i) {
    return "job-" + (i % KEYS);
  }

  static Job job(int i) {
    String id = key(i);
    return new Job(id, "running", "powerflow", new Progress(i % 100, "iteration " + i), CREATED, CREATED,
        Map.of("self", new Link("/v1/jobs/" + id)));
  }

  /** What the SDK's publisher writes, built by hand for the raw producer. */
  static RecordHeaders cloudEventHeaders(String subject) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", utf8("1.0"));
    headers.add("ce_id", utf8(UUID.randomUUID().toString()));
    headers.add("ce_source", utf8(SOURCE.toString()));
    headers.add("ce_type", utf8(TYPE.name()));
    headers.add("ce_time", utf8(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))));
    headers.add("ce_subject", utf8(subject));
    headers.add("content-type", utf8("application/json"));
    return headers;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
