package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * One value of the compacted job-state topic: a {@link JobRecord} and its revision. Replicas write
 * concurrently, so {@link #merge} is what makes every replica converge on the same state whatever order
 * it sees the writes in: a terminal state beats a non-terminal one, of two terminal states the one that
 * finished first wins, otherwise the higher revision; a cancellation request, once made, is never lost.
 */
public final class StoredJob {
  private static final Comparator<StoredJob> PRECEDENCE =
      Comparator.comparing((StoredJob s) -> s.record.job().isTerminal())
          .thenComparing(s -> s.record.job().isTerminal() ? -finishedAt(s) : s.revision)
          .thenComparing(s -> s.record.job().updatedAt().orElse(Instant.EPOCH))
          .thenComparing(s -> s.record.job().status().value());

  private final JobRecord record;
  private final long revision;

  StoredJob(JobRecord record, long revision) {
    this.record = record;
    this.revision = revision;
  }

  public JobRecord record() {
    return record;
  }

  long revision() {
    return revision;
  }

  /** The next revision of this job holding {@code next}. */
  StoredJob next(JobRecord next) {
    return new StoredJob(next, revision + 1);
  }

  /** The state both {@code a} and {@code b} lead to; commutative, so write order does not matter. */
  static StoredJob merge(StoredJob a, StoredJob b) {
    if (a == null) {
      return b;
    }
    StoredJob winner = PRECEDENCE.compare(a, b) >= 0 ? a : b;
    boolean cancel = a.record.cancelRequested() || b.record.cancelRequested();
    if (cancel && !winner.record.cancelRequested()) {
      return new StoredJob(winner.record.withCancelRequested(), Math.max(a.revision, b.revision));
    }
    return winner.revision >= Math.max(a.revision, b.revision)
        ? winner
        : new StoredJob(winner.record, Math.max(a.revision, b.revision));
  }

  private static long finishedAt(StoredJob s) {
    return s.record.job().finishedAt().orElse(Instant.MAX).toEpochMilli();
  }

  byte[] write(SognoJson json) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("revision", revision);
    value.put("job", record.job());
    record.owner().ifPresent(owner -> value.put("owner", owner));
    record.idempotencyKey().ifPresent(key -> value.put("idempotencyKey", key));
    record.fingerprint().ifPresent(fingerprint -> value.put("fingerprint", fingerprint));
    value.put("cancelRequested", record.cancelRequested());
    record.result().ifPresent(result -> value.put("result", resultMembers(result)));
    return json.write(value);
  }

  /** @throws org.lfenergy.sogno.sdk.core.JsonException if the bytes are not a stored job */
  static StoredJob read(byte[] bytes, SognoJson json) {
    Map<?, ?> value = json.read(bytes, Map.class);
    Job job = json.convert(value.get("job"), Job.class);
    JobRecord record =
        JobRecord.of(job, text(value, "owner"), text(value, "idempotencyKey"), text(value, "fingerprint"));
    if (Boolean.TRUE.equals(value.get("cancelRequested"))) {
      record = record.withCancelRequested();
    }
    if (value.get("result") instanceof Map) {
      Map<?, ?> result = (Map<?, ?>) value.get("result");
      String mediaType = text(result, "mediaType");
      record = record.withResult(mediaType == null
          ? JobResult.empty()
          : JobResult.of(Base64.getDecoder().decode(text(result, "body")), mediaType));
    }
    Object revision = value.get("revision");
    return new StoredJob(record, revision instanceof Number ? ((Number) revision).longValue() : 0);
  }

  private static Map<String, Object> resultMembers(JobResult result) {
    Map<String, Object> members = new LinkedHashMap<>();
    if (!result.isEmpty()) {
      members.put("mediaType", result.mediaType());
      members.put("body", Base64.getEncoder().encodeToString(result.body()));
    }
    return members;
  }

  private static String text(Map<?, ?> map, String name) {
    Object value = map.get(name);
    return value == null ? null : value.toString();
  }
}
