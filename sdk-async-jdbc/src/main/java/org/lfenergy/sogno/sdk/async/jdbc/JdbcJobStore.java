package org.lfenergy.sogno.sdk.async.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.lfenergy.sogno.sdk.async.jdbc.internal.IdempotencyScope;
import org.lfenergy.sogno.sdk.async.jdbc.internal.JdbcFailures;
import org.lfenergy.sogno.sdk.async.jdbc.internal.JobRows;
import org.lfenergy.sogno.sdk.async.jdbc.internal.Transactions;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * A {@link JobStore} on a relational database through JDBC — PostgreSQL, or H2 as the embedded
 * default (see {@link JdbcJobStores}). It keeps everything the in-memory store keeps: the job with
 * its state and progress, owner, idempotency key with request fingerprint, result or problem, and
 * expiry. The schema (table {@code sogno_jobs}) is created and migrated with Flyway when the store
 * is built.
 *
 * <p>Guarantees: every method is one short transaction; {@link #update} locks the one row it changes
 * ({@code SELECT … FOR UPDATE}), so concurrent updates of one job — also from other processes on the
 * same database — apply one after the other; {@link #insert} is atomic per owner and idempotency key
 * (a unique index decides the race). Expired jobs are never returned; {@link #sweepExpired()}
 * deletes them in batches of {@code sweepBatchSize} rows, each its own short transaction.
 *
 * <p>Failure behaviour: when the database cannot be reached or cannot write (down, disk full,
 * statement timeout), a method throws {@link JobStoreUnavailableException} after rolling back, so
 * nothing is half-written; the {@code JobManager} answers {@code 503 job-state-unavailable} with
 * {@code Retry-After}.
 *
 * <p>Thread-safe. {@link #close()} closes the connection pool if the store opened it ({@link
 * JdbcJobStores}), never a {@link DataSource} passed in by the caller.
 */
public final class JdbcJobStore implements JobStore, AutoCloseable {
  private final Transactions transactions;
  private final JobRows rows;
  private final Clock clock;
  private final int sweepBatchSize;
  private final AutoCloseable ownedPool;
  private final boolean embedded;

  private JdbcJobStore(Builder b, boolean embedded) {
    this.embedded = embedded;
    this.transactions = new Transactions(b.dataSource, b.queryTimeout);
    this.rows = new JobRows(b.json, transactions.queryTimeoutSeconds());
    this.clock = b.clock;
    this.sweepBatchSize = b.sweepBatchSize;
    this.ownedPool = b.ownedPool;
  }

  /**
   * A builder for a store on {@code dataSource} (a pool the caller keeps and closes).
   *
   * @param dataSource connections to PostgreSQL or H2
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
  }

  static Builder builder(DataSource dataSource, AutoCloseable ownedPool) {
    return new Builder(dataSource, ownedPool);
  }

  @Override
  public JobRecord insert(JobRecord record) {
    Objects.requireNonNull(record, "record");
    return insert(record, record.job().kind().orElse(null), null);
  }

  /**
   * {@link #insert(JobRecord)} with the kind and request a durable worker reads back, in the same
   * transaction: the job is claimable from its first commit, and never stored without its work.
   */
  JobRecord insert(JobRecord record, String kind, byte[] request) {
    String scope = IdempotencyScope.of(record.owner().orElse(null), record.idempotencyKey().orElse(null));
    try {
      return transactions.run("insert a job", connection -> {
        if (scope != null) {
          rows.deleteExpiredScope(connection, scope, now());
        }
        rows.insert(connection, record, kind, request);
        return record;
      });
    } catch (JobStoreUnavailableException e) {
      if (scope != null && e.getCause() instanceof SQLException
          && JdbcFailures.isUniqueViolation((SQLException) e.getCause())) {
        Optional<JobRecord> winner = transactions.run("read a job",
            connection -> rows.findByScope(connection, scope, now()));
        if (winner.isPresent()) {
          return winner.get();
        }
      }
      throw e;
    }
  }

  @Override
  public Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
    String scope = IdempotencyScope.of(owner, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    return transactions.run("read a job", connection -> rows.findByScope(connection, scope, now()));
  }

  @Override
  public Optional<JobRecord> find(String jobId) {
    return transactions.run("read a job", connection -> rows.find(connection, jobId, now(), false));
  }

  @Override
  public Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change) {
    return transactions.run("update a job", connection -> {
      Optional<JobRecord> current = rows.find(connection, jobId, now(), true);
      if (current.isEmpty()) {
        return current;
      }
      JobRecord next = Objects.requireNonNull(change.apply(current.get()), "change result");
      rows.update(connection, current.get(), next);
      return Optional.of(next);
    });
  }

  /**
   * Deletes jobs whose {@code expiresAt} has passed, {@code sweepBatchSize} rows per transaction
   * until none is left, so no lock is held for long. Safe to call from several replicas at once.
   *
   * @return the number of jobs deleted
   * @throws JobStoreUnavailableException if the database cannot be reached (rows deleted by earlier
   *     batches stay deleted)
   */
  public int sweepExpired() {
    int total = 0;
    for (int deleted = sweepBatchSize; deleted == sweepBatchSize; ) {
      long now = now();
      deleted = transactions.run("delete expired jobs", connection -> {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = rows.prepare(connection, "SELECT id FROM " + JobRows.TABLE
            + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
          select.setLong(1, now);
          select.setInt(2, sweepBatchSize);
          try (var found = select.executeQuery()) {
            while (found.next()) {
              ids.add(found.getString(1));
            }
          }
        }
        try (PreparedStatement delete = rows.prepare(connection, "DELETE FROM " + JobRows.TABLE + " WHERE id = ?")) {
          for (String id : ids) {
            delete.setString(1, id);
            delete.addBatch();
          }
          delete.executeBatch();
        }
        return ids.size();
      });
      total += deleted;
    }
    return total;
  }

  /** Closes the connection pool if {@link JdbcJobStores} opened it; a caller's data source stays open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new IllegalStateException("Closing the job store's connection pool failed", e);
      }
    }
  }

  Transactions transactions() {
    return transactions;
  }

  JobRows rows() {
    return rows;
  }

  Clock clock() {
    return clock;
  }

  /**
   * True on H2 opened in this process (not through a server or {@code AUTO_SERVER}), which one process
   * opens at a time: what it finds running at start was interrupted.
   */
  boolean embedded() {
    return embedded;
  }

  private long now() {
    return clock.millis();
  }

  /** Builds a {@link JdbcJobStore}; not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private Clock clock = Clock.systemUTC();
    private SognoJson json = SognoJson.defaults();
    private int sweepBatchSize = 500;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private boolean migrate = true;

    private Builder(DataSource dataSource, AutoCloseable ownedPool) {
      this.dataSource = dataSource;
      this.ownedPool = ownedPool;
    }

    /** The clock that decides expiry; default the UTC system clock. Use the JobManager's clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How jobs are written as JSON; default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /**
     * Rows deleted per transaction by {@link #sweepExpired()}; default 500.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder sweepBatchSize(int sweepBatchSize) {
      if (sweepBatchSize < 1) {
        throw new IllegalArgumentException("sweepBatchSize must be at least 1: " + sweepBatchSize);
      }
      this.sweepBatchSize = sweepBatchSize;
      return this;
    }

    /**
     * Bound of each statement (whole seconds); default 10 s. A statement that takes longer fails
     * with {@link JobStoreUnavailableException}.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder queryTimeout(Duration queryTimeout) {
      Objects.requireNonNull(queryTimeout, "queryTimeout");
      if (queryTimeout.isZero() || queryTimeout.isNegative()) {
        throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
      }
      this.queryTimeout = queryTimeout;
      return this;
    }

    /**
     * Whether {@link #build()} creates or migrates the schema with Flyway; default true. Turn it off
     * when the schema is managed elsewhere (the scripts are on the class path under {@code
     * org/lfenergy/sogno/sdk/async/jdbc/migration/}, one folder per database).
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Migrates the schema (if enabled) and builds the store.
     *
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     * @throws JobStoreUnavailableException if the database cannot be reached or migrated
     */
    public JdbcJobStore build() {
      try {
        String vendor = vendor();
        boolean embedded = vendor.equals("h2-embedded");
        migrateIfEnabled(embedded ? "h2" : vendor);
        return new JdbcJobStore(this, embedded);
      } catch (RuntimeException e) {
        closeOwnedPool(e);
        throw e;
      }
    }

    private void closeOwnedPool(RuntimeException cause) {
      if (ownedPool != null) {
        try {
          ownedPool.close();
        } catch (Exception e) {
          cause.addSuppressed(e);
        }
      }
    }

    /** The migration folder of the database, and {@code "h2-embedded"} for H2 one process opens. */
    private String vendor() {
      String product;
      String url;
      try (Connection connection = dataSource.getConnection()) {
        product = connection.getMetaData().getDatabaseProductName();
        url = connection.getMetaData().getURL();
      } catch (SQLException e) {
        throw JdbcFailures.unavailable("be opened", e);
      }
      if (product.equalsIgnoreCase("PostgreSQL")) {
        return "postgresql";
      }
      if (product.equalsIgnoreCase("H2")) {
        return isSingleProcess(url) ? "h2-embedded" : "h2";
      }
      throw new IllegalArgumentException("Jobs are kept in PostgreSQL or H2, not in " + product);
    }

    /** H2 opened in-process without a server: no other process can hold jobs in it. */
    private static boolean isSingleProcess(String url) {
      String upper = url == null ? "" : url.toUpperCase(java.util.Locale.ROOT);
      return !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:")
          && !upper.contains("AUTO_SERVER=TRUE");
    }

    private void migrateIfEnabled(String vendor) {
      if (migrate) {
        try {
          Flyway.configure(JdbcJobStore.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:org/lfenergy/sogno/sdk/async/jdbc/migration/" + vendor)
              .table("sogno_jobs_schema_history")
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
        } catch (FlywayException e) {
          throw new JobStoreUnavailableException("The job database schema could not be migrated", e);
        }
      }
    }
  }
}
