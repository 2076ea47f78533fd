package org.lfenergy.sogno.sdk.async.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.server.JobStoreUnavailableException;

/**
 * Opens a {@link JdbcJobStore} with its own connection pool — one call for a service's wiring:
 *
 * <pre>{@code
 * JdbcJobStore store = JdbcJobStores.fromEnvironment();
 * }</pre>
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><th>variable</th><th>effect</th></tr>
 *   <tr><td>{@code SOGNO_JOBS_JDBC_URL}</td><td>a {@code jdbc:postgresql://…} URL: jobs live in
 *       PostgreSQL (several replicas may share it); {@code jdbc:h2:…} URLs are taken as they are</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_JDBC_USER}, {@code SOGNO_JOBS_JDBC_PASSWORD}</td><td>credentials for
 *       that URL (never logged)</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_DIR}</td><td>without a URL: the directory of the embedded H2
 *       database; default {@code ./sogno-jobs}</td></tr>
 * </table>
 *
 * <p>The returned store owns its pool: {@link JdbcJobStore#close()} closes it.
 */
public final class JdbcJobStores {
  /** The JDBC URL variable; set, it selects that database over the embedded default. */
  public static final String JDBC_URL_VARIABLE = "SOGNO_JOBS_JDBC_URL";
  /** The data directory variable of the embedded default. */
  public static final String DIR_VARIABLE = "SOGNO_JOBS_DIR";
  /** The default data directory of the embedded database, relative to the working directory. */
  public static final String DEFAULT_DIR = "sogno-jobs";

  private static final int POOL_SIZE = 10;

  private JdbcJobStores() {}

  /**
   * The store the process environment asks for (see the table above).
   *
   * @throws JobStoreUnavailableException if the database cannot be opened or migrated
   * @throws IllegalArgumentException if the URL is neither PostgreSQL nor H2
   */
  public static JdbcJobStore fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, reading the variables from {@code environment}. */
  public static JdbcJobStore fromEnvironment(Map<String, String> environment) {
    String url = blankToNull(environment.get(JDBC_URL_VARIABLE));
    if (url != null) {
      return open(url, environment.get("SOGNO_JOBS_JDBC_USER"), environment.get("SOGNO_JOBS_JDBC_PASSWORD"));
    }
    String dir = blankToNull(environment.get(DIR_VARIABLE));
    return embedded(Path.of(dir == null ? DEFAULT_DIR : dir));
  }

  /**
   * The embedded default: an H2 database in file mode under {@code directory} (created if missing),
   * kept across restarts. One process at a time opens it (H2 locks the file).
   *
   * @throws JobStoreUnavailableException if the directory cannot be used, e.g. another process
   *     holds the database open
   */
  public static JdbcJobStore embedded(Path directory) {
    Path file = directory.toAbsolutePath().normalize().resolve("jobs");
    // WRITE_DELAY=0: a commit is handed to the file system before the call returns, so an accepted
    // job survives a killed process (H2 otherwise buffers commits for up to 500 ms).
    // DB_CLOSE_ON_EXIT=FALSE: a drain in a shutdown hook can still write; the pool closes the database.
    return open("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
  }

  /**
   * A store on PostgreSQL (or any database the URL names that this module supports).
   *
   * @throws JobStoreUnavailableException if the database cannot be reached or migrated
   * @throws IllegalArgumentException if the URL is neither {@code jdbc:postgresql:} nor {@code jdbc:h2:}
   */
  public static JdbcJobStore open(String jdbcUrl, String user, String password) {
    return builder(jdbcUrl, user, password).build();
  }

  /**
   * A builder of a store on {@code jdbcUrl} with its own pool, for further settings (clock, sweep
   * batch size, query timeout).
   *
   * @throws JobStoreUnavailableException if the database cannot be reached
   * @throws IllegalArgumentException if the URL is neither {@code jdbc:postgresql:} nor {@code jdbc:h2:}
   */
  public static JdbcJobStore.Builder builder(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "A job store URL must start with jdbc:postgresql: or jdbc:h2:, was " + redact(jdbcUrl));
    }
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("sogno-jobs");
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(POOL_SIZE);
    pool.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
    pool.setInitializationFailTimeout(Duration.ofSeconds(5).toMillis());
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(pool);
    } catch (HikariPool.PoolInitializationException e) {
      throw new JobStoreUnavailableException("The job database " + redact(jdbcUrl) + " cannot be opened", e);
    }
    return JdbcJobStore.builder(dataSource, dataSource);
  }

  private static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    int options = jdbcUrl.indexOf(';');
    int cut = query < 0 ? options : options < 0 ? query : Math.min(query, options);
    return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut) + "…";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
