package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.sql.SQLException;
import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;

/** Turns JDBC failures into the SDK's exceptions; messages name the operation, never the URL. */
public final class JdbcFailures {
  /** SQLState of a unique-constraint violation, the same on PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private JdbcFailures() {}

  /** True if {@code e} (or a chained exception) is a unique-constraint violation. */
  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception a store throws when the database cannot read or write (unreachable, disk full,
   * timed out): the transaction was rolled back, nothing was changed.
   */
  public static JobStoreUnavailableException unavailable(String operation, SQLException e) {
    return new JobStoreUnavailableException(
        "The job database could not " + operation + " (SQLState " + e.getSQLState() + ")", e);
  }
}
