package org.lfenergy.sogno.samples.powerflow;

import java.nio.file.Path;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;

/**
 * Where the service keeps its jobs: the embedded H2 database in {@code directory} ({@code
 * SOGNO_JOBS_DIR}), or PostgreSQL when {@code jdbcUrl} ({@code SOGNO_JOBS_JDBC_URL}) is set, with
 * {@code user} and {@code password} ({@code SOGNO_JOBS_JDBC_USER}, {@code SOGNO_JOBS_JDBC_PASSWORD}).
 * Immutable; {@link #toString()} never prints the password.
 *
 * @param directory the embedded database's directory; kept across restarts, so put it on a volume
 *     that outlives the process
 * @param jdbcUrl {@code jdbc:postgresql://…} (or {@code jdbc:h2:…}); null for the embedded database
 * @param user the database user for {@code jdbcUrl}; may be null
 * @param password the database password for {@code jdbcUrl}; may be null
 */
public record JobStoreConfig(Path directory, String jdbcUrl, String user, String password) {

  public JobStoreConfig {
    Objects.requireNonNull(directory, "directory");
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(JdbcJobStores.JDBC_URL_VARIABLE
          + " must start with jdbc:postgresql: or jdbc:h2:, got a URL starting '" + scheme(jdbcUrl) + "'");
    }
  }

  /** The URL up to its second colon: names the database without echoing hosts, options or secrets. */
  private static String scheme(String url) {
    int colon = url.indexOf(':', url.indexOf(':') + 1);
    return colon < 0 ? url.substring(0, Math.min(url.length(), 10)) : url.substring(0, colon + 1);
  }

  /** The embedded database in {@code directory}. */
  public static JobStoreConfig embedded(Path directory) {
    return new JobStoreConfig(directory, null, null, null);
  }

  /**
   * Opens the store: creates the directory and the schema if missing, migrates an older one.
   *
   * @throws org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException if the database cannot be
   *     opened, e.g. another process holds the embedded one open
   */
  public JdbcJobStore open() {
    return jdbcUrl == null ? JdbcJobStores.embedded(directory) : JdbcJobStores.open(jdbcUrl, user, password);
  }

  @Override
  public String toString() {
    return jdbcUrl == null ? "JobStoreConfig[embedded in " + directory + "]"
        : "JobStoreConfig[" + jdbcUrl.split("\\?", 2)[0] + " as " + user + (password == null ? "" : ", password ***")
            + "]";
  }
}
