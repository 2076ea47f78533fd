package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * The SQL of the {@code sogno_jobs} table and the mapping between a row and a {@link JobRecord}. The
 * job itself is kept as its wire JSON (read back through {@link SognoJson}, which knows only the job
 * model); the columns beside it are what queries select on. Statements are plain JDBC with bound
 * parameters — nothing from a request is concatenated into SQL.
 */
public final class JobRows {
  public static final String TABLE = "sogno_jobs";
  static final String RECORD_COLUMNS =
      "id, owner, idempotency_key, fingerprint, job_json, cancel_requested, result_body, result_media_type,"
          + " trace_context";

  private final SognoJson json;
  private final int queryTimeoutSeconds;

  public JobRows(SognoJson json, int queryTimeoutSeconds) {
    this.json = json;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  /** A statement with the store's query timeout. */
  public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(queryTimeoutSeconds);
    return statement;
  }

  /** Inserts {@code record} as a new row. */
  public void insert(Connection connection, JobRecord record) throws SQLException {
    insert(connection, record, record.job().kind().orElse(null), null);
  }

  /**
   * Inserts {@code record} with the kind and request its durable worker reads back ({@code request}
   * null: not claimable until one is attached).
   */
  public void insert(Connection connection, JobRecord record, String kind, byte[] request) throws SQLException {
    Job job = record.job();
    String sql = "INSERT INTO " + TABLE + " (id, status, kind, owner, idempotency_key, idempotency_scope,"
        + " fingerprint, job_json, cancel_requested, created_at, expires_at, result_body, result_media_type,"
        + " trace_context, request_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = prepare(connection, sql)) {
      String owner = record.owner().orElse(null);
      String key = record.idempotencyKey().orElse(null);
      insert.setString(1, record.id());
      insert.setString(2, job.status().value());
      insert.setString(3, kind);
      insert.setString(4, owner);
      insert.setString(5, key);
      insert.setString(6, IdempotencyScope.of(owner, key));
      insert.setString(7, record.fingerprint().orElse(null));
      insert.setString(8, json.writeString(job));
      insert.setBoolean(9, record.cancelRequested());
      insert.setLong(10, job.createdAt().map(Instant::toEpochMilli).orElse(0L));
      setMillis(insert, 11, job.expiresAt());
      setResult(insert, 12, record.result().orElse(null));
      insert.setString(14, record.traceContext().orElse(null));
      if (request == null) {
        insert.setNull(15, Types.BINARY);
      } else {
        insert.setBytes(15, request);
      }
      insert.executeUpdate();
    }
  }

  /**
   * The live record of {@code jobId}, locked for this transaction if {@code forUpdate}.
   *
   * @param now the current time in epoch milliseconds; expired rows are not returned
   */
  public Optional<JobRecord> find(Connection connection, String jobId, long now, boolean forUpdate)
      throws SQLException {
    String sql = "SELECT " + RECORD_COLUMNS + " FROM " + TABLE
        + " WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)" + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement select = prepare(connection, sql)) {
      select.setString(1, jobId);
      select.setLong(2, now);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(record(rows)) : Optional.empty();
      }
    }
  }

  /** The live record of an owner's idempotency key. */
  public Optional<JobRecord> findByScope(Connection connection, String scope, long now) throws SQLException {
    String sql = "SELECT " + RECORD_COLUMNS + " FROM " + TABLE
        + " WHERE idempotency_scope = ? AND (expires_at IS NULL OR expires_at > ?)";
    try (PreparedStatement select = prepare(connection, sql)) {
      select.setString(1, scope);
      select.setLong(2, now);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(record(rows)) : Optional.empty();
      }
    }
  }

  /** Deletes the expired row holding {@code scope}, so that the key can be used again. */
  public void deleteExpiredScope(Connection connection, String scope, long now) throws SQLException {
    try (PreparedStatement delete = prepare(connection,
        "DELETE FROM " + TABLE + " WHERE idempotency_scope = ? AND expires_at <= ?")) {
      delete.setString(1, scope);
      delete.setLong(2, now);
      delete.executeUpdate();
    }
  }

  /** Who runs a job: the lease columns written together with a change of the job. */
  public record Lease(String owner, Long until, int attempts) {}

  /**
   * Writes the changed record over the row of {@code before}: status, job, cancel flag, expiry, and
   * the result only when it changed (a large result is not rewritten by every progress update).
   */
  public void update(Connection connection, JobRecord before, JobRecord after) throws SQLException {
    update(connection, before, after, null);
  }

  /** As {@link #update(Connection, JobRecord, JobRecord)}, also setting the lease columns if given. */
  public void update(Connection connection, JobRecord before, JobRecord after, Lease lease) throws SQLException {
    boolean resultChanged = before.result().orElse(null) != after.result().orElse(null);
    String sql = "UPDATE " + TABLE + " SET status = ?, job_json = ?, cancel_requested = ?, expires_at = ?"
        + (resultChanged ? ", result_body = ?, result_media_type = ?" : "")
        + (lease != null ? ", lease_owner = ?, lease_until = ?, attempts = ?" : "") + " WHERE id = ?";
    try (PreparedStatement update = prepare(connection, sql)) {
      Job job = after.job();
      update.setString(1, job.status().value());
      update.setString(2, json.writeString(job));
      update.setBoolean(3, after.cancelRequested());
      setMillis(update, 4, job.expiresAt());
      int next = 5;
      if (resultChanged) {
        setResult(update, next, after.result().orElse(null));
        next += 2;
      }
      if (lease != null) {
        update.setString(next++, lease.owner());
        setMillis(update, next++, Optional.ofNullable(lease.until()).map(Instant::ofEpochMilli));
        update.setInt(next++, lease.attempts());
      }
      update.setString(next, before.id());
      update.executeUpdate();
    }
  }

  /** Reads the current row of a result set selected with {@link #RECORD_COLUMNS}. */
  public JobRecord record(ResultSet row) throws SQLException {
    Job job = json.read(row.getString("job_json"), Job.class);
    JobRecord record = JobRecord.of(job, row.getString("owner"), row.getString("idempotency_key"),
        row.getString("fingerprint")).withTraceContext(row.getString("trace_context"));
    String mediaType = row.getString("result_media_type");
    byte[] body = row.getBytes("result_body");
    if (body != null) {
      record = record.withResult(mediaType == null ? JobResult.empty() : JobResult.of(body, mediaType));
    }
    return row.getBoolean("cancel_requested") ? record.withCancelRequested() : record;
  }

  /** The job's JSON, as stored. */
  public String write(Job job) {
    return json.writeString(job);
  }

  private static void setMillis(PreparedStatement statement, int index, Optional<Instant> time)
      throws SQLException {
    if (time.isPresent()) {
      statement.setLong(index, time.get().toEpochMilli());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static void setResult(PreparedStatement statement, int index, JobResult result) throws SQLException {
    if (result == null) {
      statement.setNull(index, Types.BINARY);
      statement.setNull(index + 1, Types.VARCHAR);
    } else {
      statement.setBytes(index, result.body());
      statement.setString(index + 1, result.mediaType());
    }
  }
}
