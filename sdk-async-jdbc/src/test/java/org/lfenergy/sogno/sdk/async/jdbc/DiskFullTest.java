package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.jdbc.testing.ServiceProcess;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * A real full disk, not a mock: the service runs in a child JVM whose files may not grow past a limit
 * (RLIMIT_FSIZE, see {@link ServiceProcess#startWithFileSizeLimit}), so H2 cannot grow {@code
 * jobs.mv.db} once it is reached — the write fails with EFBIG as on a full disk. Submissions over HTTP
 * fill the store until they are refused; each refusal is a {@code 503 job-state-unavailable} problem
 * with {@code Retry-After}. Started again without the limit on the same directory, every job that got
 * a {@code 202} is there and runs to its result, and no job that got a {@code 503} exists.
 *
 * <p>What H2 does: the first write that cannot grow the file fails ({@code MVStoreException: Writing
 * … failed}, caused by {@code IOException: File too large}) — whichever transaction's commit it is, often
 * a worker's claim — and H2 closes the database; every later statement fails with SQLState 90098, so
 * every submission is refused until the process restarts. The file keeps its last complete commit.
 */
class DiskFullTest {
  /** The H2 file's limit: room for the schema and some dozens of the large jobs below. */
  private static final long FILE_LIMIT = 1024 * 1024;
  private static final String PADDING = "x".repeat(16 * 1024);
  private static final SognoJson JSON = SognoJson.defaults();

  @TempDir Path dataDir;
  @TempDir Path control;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSubmissionTheFullDiskCannotTakeGets503AndNoJobIsHalfWritten() throws Exception {
    String database = "dir:" + dataDir;
    Map<String, String> accepted = new HashMap<>(); // job id → the name it greets
    List<HttpResponse<String>> refused = new ArrayList<>();
    int port;
    try (ServiceProcess full = ServiceProcess.startWithFileSizeLimit(FILE_LIMIT, database, 0, control, "full", 30, 1)) {
      port = full.port();
      for (int i = 0; i < 2_000 && refused.size() < 5; i++) {
        String name = "job " + i + " " + PADDING;
        HttpResponse<String> answer = submit(full.baseUrl(), name);
        if (answer.statusCode() == 202) {
          accepted.put((String) json(answer).get("id"), name);
        } else {
          refused.add(answer);
        }
      }
    }

    assertThat(Files.size(dataDir.resolve("jobs.mv.db"))).isLessThanOrEqualTo(FILE_LIMIT);
    assertThat(accepted).as("jobs stored before the disk was full").isNotEmpty();
    assertThat(refused).as("submissions refused once it was full").hasSize(5).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
          seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
      assertThat(json(answer)).containsEntry("status", 503).containsEntry("code", "job-state-unavailable");
    });

    try (ServiceProcess restarted = ServiceProcess.start(database, port, control, "restarted", 30)) {
      Files.createFile(control.resolve("release"));
      for (Map.Entry<String, String> job : accepted.entrySet()) {
        String path = "/v1/jobs/" + job.getKey();
        await().atMost(Duration.ofMinutes(2)).until(() -> "succeeded".equals(json(get(restarted.baseUrl(), path))
            .get("status")));
        assertThat(json(get(restarted.baseUrl(), path + "/result"))).containsEntry("greeting", "hello " + job.getValue());
      }
    }
    assertThat(storedJobs()).as("every accepted job, and nothing of the refused ones")
        .containsExactlyInAnyOrderEntriesOf(accepted);
  }

  /** Every job in the database (id → the name in its stored request), read after the service ended. */
  private Map<String, String> storedJobs() throws Exception {
    Map<String, String> jobs = new HashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("jobs"), "sa", "");
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id, request_body FROM sogno_jobs")) {
      while (rows.next()) {
        byte[] request = rows.getBytes(2);
        jobs.put(rows.getString(1), request == null ? null : (String) JSON.read(request, Map.class).get("name"));
      }
    }
    return jobs;
  }

  private HttpResponse<String> submit(String baseUrl, String name) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/greetings"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.write(Map.of("name", name)))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String baseUrl, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    return (Map<String, Object>) JSON.readUntyped(response.body().getBytes(StandardCharsets.UTF_8));
  }
}
