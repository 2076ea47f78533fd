package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStateChange;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Who runs which job: claims of queued jobs ({@code SELECT … FOR UPDATE SKIP LOCKED}, so replicas on
 * one database never take the same row), leases renewed by heartbeats, changes of a running job fenced
 * by its lease (a replica whose lease ran out cannot record anything), and recovery of jobs whose
 * lease expired — re-queued up to the attempt limit, then failed with {@code job-interrupted}.
 */
public final class JobLeases {
  private static final String TABLE = JobRows.TABLE;
  private static final String LEASE_COLUMNS = JobRows.RECORD_COLUMNS + ", attempts, lease_owner, kind, request_body";
  private static final int RECOVERY_BATCH = 100;

  private final Transactions transactions;
  private final JobRows rows;
  private final Clock clock;
  private final Duration lease;
  private final Duration ttl;

  public JobLeases(Transactions transactions, JobRows rows, Clock clock, Duration lease, Duration ttl) {
    this.transactions = transactions;
    this.rows = rows;
    this.clock = clock;
    this.lease = lease;
    this.ttl = ttl;
  }

  /** A job this replica claimed: what its worker needs to run it. */
  public record Claim(JobRecord record, String kind, byte[] request, int attempt, JobStateChange change) {}

  /** Claims up to {@code max} queued jobs, oldest first, skipping rows another replica is claiming. */
  public List<Claim> claim(String replica, int max) {
    return transactions.run("claim jobs", connection -> {
      List<Claim> claims = new ArrayList<>();
      String sql = "SELECT " + LEASE_COLUMNS + " FROM " + TABLE + " WHERE status = ? AND request_body IS NOT NULL"
          + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED";
      Instant now = now();
      try (PreparedStatement select = rows.prepare(connection, sql)) {
        select.setString(1, JobStatus.QUEUED.value());
        select.setInt(2, max);
        try (ResultSet found = select.executeQuery()) {
          while (found.next()) {
            JobRecord before = rows.record(found);
            JobRecord started = before.withJob(JobLifecycle.start(before.job(), now));
            int attempt = found.getInt("attempts") + 1;
            claims.add(new Claim(started, found.getString("kind"), found.getBytes("request_body"), attempt,
                JobStateChange.of(started.job(), JobStatus.QUEUED, started.owner().orElse(null)).withAttempt(attempt)));
          }
        }
      }
      long until = now.plus(lease).toEpochMilli();
      for (Claim claim : claims) {
        rows.update(connection, claim.record(), claim.record(), new JobRows.Lease(replica, until, claim.attempt()));
      }
      return claims;
    });
  }

  /** Outcome of one heartbeat: jobs whose lease was lost, jobs whose cancellation was requested. */
  public record Heartbeat(Set<String> lost, Set<String> cancelRequested) {}

  /** Renews the leases of this replica's running jobs and reads their cancellation requests. */
  public Heartbeat renew(String replica, Set<String> jobIds) {
    return transactions.run("renew job leases", connection -> {
      Set<String> lost = new HashSet<>();
      Set<String> cancel = new HashSet<>();
      long until = now().plus(lease).toEpochMilli();
      try (PreparedStatement update = rows.prepare(connection, "UPDATE " + TABLE
              + " SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = ?");
          PreparedStatement select = rows.prepare(connection,
              "SELECT cancel_requested FROM " + TABLE + " WHERE id = ?")) {
        for (String jobId : jobIds) {
          update.setLong(1, until);
          update.setString(2, jobId);
          update.setString(3, replica);
          update.setString(4, JobStatus.RUNNING.value());
          if (update.executeUpdate() == 0) {
            lost.add(jobId);
            continue;
          }
          select.setString(1, jobId);
          try (ResultSet row = select.executeQuery()) {
            if (row.next() && row.getBoolean(1)) {
              cancel.add(jobId);
            }
          }
        }
      }
      return new Heartbeat(lost, cancel);
    });
  }

  /**
   * Changes a job this replica runs, if it still holds the lease; with {@code release} the lease
   * ends (the job finished or was re-queued).
   *
   * @return the status change made, empty if the lease was lost (nothing written)
   */
  public Optional<JobStateChange> changeLeased(String jobId, String replica, boolean release,
      UnaryOperator<JobRecord> change) {
    return transactions.run("record a job's outcome", connection -> {
      try (PreparedStatement select = rows.prepare(connection, "SELECT " + LEASE_COLUMNS + " FROM " + TABLE
          + " WHERE id = ? AND status = ? AND lease_owner = ? FOR UPDATE")) {
        select.setString(1, jobId);
        select.setString(2, JobStatus.RUNNING.value());
        select.setString(3, replica);
        try (ResultSet found = select.executeQuery()) {
          if (!found.next()) {
            return Optional.empty();
          }
          JobRecord before = rows.record(found);
          JobRecord after = change.apply(before);
          int attempts = found.getInt("attempts");
          boolean requeued = after.job().status().equals(JobStatus.QUEUED);
          rows.update(connection, before, after,
              release ? new JobRows.Lease(null, null, requeued ? attempts - 1 : attempts) : null);
          return Optional.of(change(before, after, attempts));
        }
      }
    });
  }

  /**
   * Re-queues (or, on the last attempt, fails) running jobs whose lease expired — and, at start, also
   * those held by {@code ownReplica} (this replica before a restart), or by anybody with {@code
   * anyOwner} (an embedded database only one process opens); and fails queued jobs whose request never
   * arrived (the submitting process died between storing the job and its request).
   *
   * @param ownReplica at start this replica's id, else null
   * @return the status changes made
   */
  public List<JobStateChange> recover(int maxAttempts, String ownReplica, boolean anyOwner) {
    return transactions.run("recover interrupted jobs", connection -> {
      Instant now = now();
      List<JobStateChange> changes = new ArrayList<>();
      String running = "SELECT " + LEASE_COLUMNS + " FROM " + TABLE + " WHERE status = ? AND ("
          + (anyOwner ? "TRUE" : "lease_until < ?" + (ownReplica != null ? " OR lease_owner = ?" : ""))
          + ") LIMIT ? FOR UPDATE SKIP LOCKED";
      try (PreparedStatement select = rows.prepare(connection, running)) {
        int p = 1;
        select.setString(p++, JobStatus.RUNNING.value());
        if (!anyOwner) {
          select.setLong(p++, now.toEpochMilli());
          if (ownReplica != null) {
            select.setString(p++, ownReplica);
          }
        }
        select.setInt(p, RECOVERY_BATCH);
        changes.addAll(interrupt(connection, select, maxAttempts, now));
      }
      String orphans = "SELECT " + LEASE_COLUMNS + " FROM " + TABLE
          + " WHERE status = ? AND request_body IS NULL AND created_at < ? LIMIT ? FOR UPDATE SKIP LOCKED";
      try (PreparedStatement select = rows.prepare(connection, orphans)) {
        select.setString(1, JobStatus.QUEUED.value());
        select.setLong(2, now.minus(lease).toEpochMilli());
        select.setInt(3, RECOVERY_BATCH);
        changes.addAll(interrupt(connection, select, 0, now));
      }
      return changes;
    });
  }

  private List<JobStateChange> interrupt(Connection connection, PreparedStatement select, int maxAttempts,
      Instant now) throws SQLException {
    List<JobRecord> found = new ArrayList<>();
    List<Integer> attempts = new ArrayList<>();
    try (ResultSet rowsFound = select.executeQuery()) {
      while (rowsFound.next()) {
        found.add(rows.record(rowsFound));
        attempts.add(rowsFound.getInt("attempts"));
      }
    }
    List<JobStateChange> changes = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      JobRecord before = found.get(i);
      boolean again = attempts.get(i) < maxAttempts;
      JobRecord after = before.withJob(again
          ? JobLifecycle.requeue(before.job(), now)
          : failInterrupted(before, attempts.get(i), now));
      rows.update(connection, before, after, new JobRows.Lease(null, null, attempts.get(i)));
      changes.add(change(before, after, attempts.get(i)));
    }
    return changes;
  }

  /** {@code before → after} in the run {@code attempt} (0: the job never ran). */
  private static JobStateChange change(JobRecord before, JobRecord after, int attempt) {
    JobStateChange change = JobStateChange.of(after.job(), before.job().status(), after.owner().orElse(null));
    return attempt > 0 ? change.withAttempt(attempt) : change;
  }

  /** How many jobs wait in the store, on every replica; -1 if the database cannot be read. */
  public int countQueued() {
    try {
      return transactions.run("count queued jobs", connection -> {
        try (PreparedStatement select = rows.prepare(connection,
            "SELECT COUNT(*) FROM " + TABLE + " WHERE status = ?")) {
          select.setString(1, JobStatus.QUEUED.value());
          try (ResultSet count = select.executeQuery()) {
            return count.next() ? count.getInt(1) : 0;
          }
        }
      });
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private org.lfenergy.sogno.sdk.async.Job failInterrupted(JobRecord record, int attempts, Instant now) {
    String detail = attempts == 0
        ? "The job was not handed to a worker before its service stopped"
        : "The job was interrupted " + attempts + " times (its service stopped while running it)";
    Problem problem = Problem.builder().code("job-interrupted").status(500).title("Job interrupted")
        .detail(detail).build();
    return record.job().status().equals(JobStatus.QUEUED)
        ? JobLifecycle.fail(JobLifecycle.start(record.job(), now), problem, now, ttl)
        : JobLifecycle.fail(record.job(), problem, now, ttl);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
