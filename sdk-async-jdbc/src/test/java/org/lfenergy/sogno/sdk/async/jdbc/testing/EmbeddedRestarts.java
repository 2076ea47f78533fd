package org.lfenergy.sogno.sdk.async.jdbc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * The restarts of a service in one JVM, as a JUnit extension: {@link DurableJobs} opened one after the
 * other on the same embedded database directory (a new temporary one per test), each on a store of
 * its own, all closed newest first after the test's own {@code @AfterEach} methods; and a look at a
 * job's row with plain JDBC.
 */
public final class EmbeddedRestarts implements BeforeEachCallback, AfterEachCallback {
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Path dataDir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("sogno-jobs-");
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** A new store on the directory, closed with the rest. */
  public JdbcJobStore store() {
    return closeLater(JdbcJobStores.embedded(dataDir));
  }

  /** Starts durable jobs on a new store of the directory, as {@code builder} configures them. */
  public DurableJobs start(JobKinds kinds, UnaryOperator<DurableJobs.Builder> builder) {
    return closeLater(builder.apply(DurableJobs.builder(store(), kinds)).start());
  }

  /** Closes {@code resource} with the rest. */
  public <T extends AutoCloseable> T closeLater(T resource) {
    opened.add(resource);
    return resource;
  }

  /** A column of the row of {@code jobId}, null if there is no such row. */
  public Object column(String jobId, String column) throws Exception {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("jobs");
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM sogno_jobs WHERE id = ?")) {
      select.setString(1, jobId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getObject(1) : null;
      }
    }
  }
}
