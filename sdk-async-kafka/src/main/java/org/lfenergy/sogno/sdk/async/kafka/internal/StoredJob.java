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
 * The submitter's trace context ({@link JobRecord#traceContext()}) is kept with the job; values written
 * without it (by earlier versions) read as a job without one.
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
    record.traceContext().ifPresent(context -> value.put("traceContext", context));
    return json.write(value);
  }

  /**
   * Reads a value of the topic in one pass (every replica reads every write, so this is on the hot
   * path: no intermediate map, no conversion of the job).
   *
   * @throws org.lfenergy.sogno.sdk.core.JsonException if the bytes are not JSON of a stored job
   * @throws IllegalArgumentException if the value holds no job
   */
  static StoredJob read(byte[] bytes, SognoJson json) {
    Value value = json.read(bytes, Value.class);
    if (value.job == null) {
      throw new IllegalArgumentException("stored job value without a job");
    }
    JobRecord record = JobRecord.of(value.job, value.owner, value.idempotencyKey, value.fingerprint)
        .withTraceContext(value.traceContext); // absent from values written before it was kept
    if (value.cancelRequested) {
      record = record.withCancelRequested();
    }
    if (value.result != null) {
      String mediaType = value.result.get("mediaType");
      record = record.withResult(mediaType == null
          ? JobResult.empty()
          : JobResult.of(Base64.getDecoder().decode(value.result.get("body")), mediaType));
    }
    return new StoredJob(record, value.revision);
  }

  /** The members of a stored value, as {@link #write} writes them; read by Jackson. */
  public static final class Value {
    public long revision;
    public Job job;
    public String owner;
    public String idempotencyKey;
    public String fingerprint;
    public boolean cancelRequested;
    public Map<String, String> result;
    public String traceContext;
  }

  private static Map<String, Object> resultMembers(JobResult result) {
    Map<String, Object> members = new LinkedHashMap<>();
    if (!result.isEmpty()) {
      members.put("mediaType", result.mediaType());
      members.put("body", Base64.getEncoder().encodeToString(result.body()));
    }
    return members;
  }
}
