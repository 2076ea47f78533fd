package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.jdbc.testing.TestClock;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobLifecycle;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;

/** What a submission gets when the database cannot write: a 503 problem, and no job half-written. */
class DatabaseDownTest {
  private static final JobKinds ECHO = JobKinds.builder().kind("echo", String.class, (text, ctx) -> text).build();

  @TempDir Path pgData;
  @TempDir Path h2Data;

  @Test
  void aSubmissionWhilePostgresIsDownIsRefusedWith503AndLeavesNoJob() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
        .start();
    int port = postgres.getPort();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    try (JdbcJobStore store = JdbcJobStores.open(url, "postgres", "");
        DurableJobs jobs = DurableJobs.builder(store, ECHO).managerConfig(JobManagerConfig.builder()
            .queueFullRetryAfter(Duration.ofSeconds(3)).build()).start()) {
      Job before = jobs.jobManager().submit(JobSubmission.builder("echo").build(), ECHO.work("echo", "up"));
      await().until(() -> jobs.jobManager().get(before.id(), null).isTerminal());
      postgres.close();

      assertThatThrownBy(() -> jobs.jobManager().submit(JobSubmission.builder("echo").build(),
          ECHO.work("echo", "down"))).isInstanceOfSatisfying(JobManagerException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("job-state-unavailable");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
          });

      postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(port)
          .start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement count = connection.createStatement();
          ResultSet rows = count.executeQuery("SELECT count(*) FROM sogno_jobs")) {
        rows.next();
        assertThat(rows.getInt(1)).as("only the job submitted while the database was up").isEqualTo(1);
      }
      // A client retries after Retry-After; the pool replaces the connections the restart broke.
      Job after = await().ignoreExceptionsInstanceOf(JobManagerException.class).until(
          () -> jobs.jobManager().submit(JobSubmission.builder("echo").build(), ECHO.work("echo", "up again")),
          job -> job != null);
      await().until(() -> jobs.jobManager().get(after.id(), null).status() == JobStatus.SUCCEEDED);
    } finally {
      postgres.close();
    }
  }

  @Test
  void aJobWhoseRequestWasNeverStoredFailsWithJobInterruptedInsteadOfWaitingForever() {
    TestClock clock = new TestClock();
    try (JdbcJobStore store = JdbcJobStores.builder("jdbc:h2:file:" + h2Data.resolve("jobs"), "sa", "")
        .clock(clock).build()) {
      Job job = JobLifecycle.queued(UUID.randomUUID().toString(), "echo", clock.instant(), "/v1/jobs");
      store.insert(JobRecord.of(job, null, null, null)); // the process died before the request was stored
      clock.advance(Duration.ofMinutes(1));

      try (DurableJobs jobs = DurableJobs.builder(store, ECHO).start()) {
        JobRecord failed = store.find(job.id()).orElseThrow();
        assertThat(failed.job().status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.job().problem().orElseThrow().code()).isEqualTo("job-interrupted");
      }
    }
  }

  @Test
  void aJobAndItsWorkAreOneWriteSoNoFailureAfterTheInsertCanLeaveAJobWithoutItsWork() throws Exception {
    String url = "jdbc:h2:file:" + h2Data.resolve("one-write");
    try (JdbcJobStore store = JdbcJobStores.open(url, "sa", "")) {
      try (Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
          Statement trigger = connection.createStatement()) {
        // Any later write that stores a job's request fails, as a full disk or a lost connection would.
        trigger.execute("CREATE TRIGGER refuse_late_requests BEFORE UPDATE ON sogno_jobs FOR EACH ROW CALL '"
            + RefuseLateRequests.class.getName() + "'");
      }
      try (DurableJobs jobs = DurableJobs.builder(store, ECHO).start()) {
        Job job = jobs.jobManager().submit(JobSubmission.builder("echo").build(), ECHO.work("echo", "once"));

        await().until(() -> jobs.jobManager().get(job.id(), null).status() == JobStatus.SUCCEEDED);
        assertThat(jobs.jobManager().result(job.id(), null).body()).isNotEmpty();
      }
    }
  }

  @Test
  void workThatNoKindRunsIsRefusedBeforeAnythingIsStored() throws Exception {
    String url = "jdbc:h2:file:" + h2Data.resolve("unrunnable");
    try (JdbcJobStore store = JdbcJobStores.open(url, "sa", "");
        DurableJobs jobs = DurableJobs.builder(store, ECHO).start()) {
      assertThatThrownBy(() -> jobs.jobManager().submit(JobSubmission.builder("echo").build(), ctx -> "lambda"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JobKinds.work(kind, request)");
      assertThatThrownBy(() -> jobs.jobManager().submit(JobSubmission.builder("other").build(),
          ECHO.work("other", "x"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other'");

      try (Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
          Statement count = connection.createStatement();
          ResultSet rows = count.executeQuery("SELECT count(*) FROM sogno_jobs")) {
        rows.next();
        assertThat(rows.getInt(1)).isZero();
      }
    }
  }

  /** An H2 trigger refusing an update that gives a stored job its request for the first time. */
  public static final class RefuseLateRequests implements org.h2.api.Trigger {
    private int requestColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
        throws java.sql.SQLException {
      try (java.sql.PreparedStatement column = connection.prepareStatement("SELECT ordinal_position FROM"
          + " information_schema.columns WHERE table_name = ? AND column_name = 'REQUEST_BODY'")) {
        column.setString(1, table);
        try (ResultSet found = column.executeQuery()) {
          found.next();
          requestColumn = found.getInt(1) - 1;
        }
      }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws java.sql.SQLException {
      if (before[requestColumn] == null && after[requestColumn] != null) {
        throw new java.sql.SQLException("No space left on device (simulated)", "53100");
      }
    }
  }
}
