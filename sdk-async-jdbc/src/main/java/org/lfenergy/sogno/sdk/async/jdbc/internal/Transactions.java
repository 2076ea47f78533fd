package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs one unit of work in one transaction on a pooled connection: commit on return, rollback on any
 * exception. A {@link SQLException} becomes a {@code JobStoreUnavailableException} naming the
 * operation; runtime exceptions of the work pass unchanged (after the rollback).
 */
public final class Transactions {
  private final DataSource dataSource;
  private final int queryTimeoutSeconds;

  /**
   * @param dataSource where connections come from
   * @param queryTimeout bound of each statement (rounded up to whole seconds)
   */
  public Transactions(DataSource dataSource, Duration queryTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.queryTimeoutSeconds = (int) Math.max(1, (queryTimeout.toMillis() + 999) / 1000);
  }

  /** The work of one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** The per-statement timeout to set, in seconds. */
  public int queryTimeoutSeconds() {
    return queryTimeoutSeconds;
  }

  /**
   * @param operation what the work does, for the exception message ("insert a job")
   */
  public <T> T run(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw JdbcFailures.unavailable(operation, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The data source, for code that manages its own connection. */
  public DataSource dataSource() {
    return dataSource;
  }
}
