package org.lfenergy.sogno.sdk.async.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * {@code X-Request-ID} over real sockets ({@link JdkHttpServerAdapter}): a valid one is echoed exactly
 * once on every kind of answer; an invalid or missing one is replaced by a generated UUID, in the
 * header, the problem and the log.
 */
class RequestIdTest {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private HttpServer http;
  private JobManager manager;

  @AfterEach
  void stop() {
    http.stop(0);
    manager.close();
  }

  private void serve(JobManager jobs) throws IOException {
    manager = jobs;
    JobEndpoints endpoints = JobEndpoints.of(manager);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/v1/jobs", JdkHttpServerAdapter.of(endpoints::handle));
    http.createContext("/v1/tasks", JdkHttpServerAdapter.of(request -> endpoints.submit(request, "task", ctx -> "done")));
    http.start();
  }

  @Test
  void aValidRequestIdIsEchoedExactlyOnceOnEveryKindOfAnswer() throws Exception {
    serve(JobManager.builder().config(JobManagerConfig.builder().ownerScoped(false).build()).build());
    Job job = manager.submit(JobSubmission.builder("task").build(), ctx -> "x");
    String id = job.id();
    org.awaitility.Awaitility.await().until(() -> manager.get(id, null).isTerminal());
    String longest = "x".repeat(200);

    List<String[]> requests = List.of(
        new String[] {"POST", "/v1/tasks", "req-1"},
        new String[] {"GET", "/v1/jobs/" + id, "req-2"},
        new String[] {"GET", "/v1/jobs/" + id + "/result", "req-3"},
        new String[] {"POST", "/v1/jobs/" + id + "/cancel", "req-4"},          // 409 job-already-finished
        new String[] {"GET", "/v1/jobs/no-such-job", "req-5"},                 // 404 job-not-found
        new String[] {"DELETE", "/v1/jobs/" + id, "req-6"},                     // 405
        new String[] {"GET", "/v1/jobs/" + id + "/other/x", "req-7"},           // 404 not-found
        new String[] {"GET", "/v1/jobs/" + id, longest});
    for (String[] request : requests) {
      Answer answer = send(request[0], request[1], "X-Request-ID: " + request[2]);

      assertThat(answer.values("X-Request-ID")).as("%s %s", request[0], request[1]).containsExactly(request[2]);
      if (answer.status >= 400) {
        assertThat(answer.problem().requestId()).isEqualTo(request[2]);
      }
    }
  }

  @Test
  void anInvalidRequestIdIsReplacedByAGeneratedOneAndTheRequestIsServed() throws Exception {
    serve(JobManager.builder().build());

    for (String invalid : List.of("x".repeat(201), "two words", "tab\there", "caf\u00e9", "a\u007f")) {
      Answer answer = send("GET", "/v1/jobs/no-such-job", "X-Request-ID: " + invalid);

      assertThat(answer.status).isEqualTo(404);
      assertThat(answer.values("X-Request-ID")).as(invalid).singleElement().asString().matches(UUID);
      assertThat(answer.problem().requestId()).isEqualTo(answer.values("X-Request-ID").get(0));
      assertThat(answer.raw).doesNotContain(invalid);
    }
  }

  @Test
  void aMissingRequestIdIsGeneratedOncePerAnswer() throws Exception {
    serve(JobManager.builder().build());

    Answer accepted = send("POST", "/v1/tasks");
    Answer notFound = send("GET", "/v1/jobs/no-such-job");

    assertThat(accepted.status).isEqualTo(202);
    assertThat(accepted.values("X-Request-ID")).singleElement().asString().matches(UUID);
    assertThat(notFound.values("X-Request-ID")).singleElement().asString().matches(UUID)
        .isNotEqualTo(accepted.values("X-Request-ID").get(0));
    assertThat(notFound.problem().requestId()).isEqualTo(notFound.values("X-Request-ID").get(0));
  }

  @Test
  void aFailureIsLoggedWithTheReplacementIdNeverTheRawOne() throws Exception {
    serve(JobManager.builder().store(new BrokenStore()).build());
    String invalid = "forged line";
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Answer answer;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      answer = send("GET", "/v1/jobs/any", "X-Request-ID: " + invalid);
    } finally {
      System.setErr(stderr);
    }

    String id = answer.values("X-Request-ID").get(0);
    assertThat(answer.status).isEqualTo(500);
    assertThat(answer.problem().code()).isEqualTo("internal-error");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Job endpoint failed, request id " + id).doesNotContain("forged");
  }

  /** One raw HTTP/1.1 exchange, so no client library cleans the header up first. */
  private Answer send(String method, String path, String... headers) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.getAddress().getPort())) {
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
      for (String header : headers) {
        request.append(header).append("\r\n");
      }
      if (method.equals("POST")) {
        request.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
      } else {
        request.append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static final class Answer {
    final String raw;
    final int status;
    final List<String> headerLines = new ArrayList<>();
    final String body;

    Answer(String raw) {
      this.raw = raw;
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end).split("\r\n");
      this.status = Integer.parseInt(lines[0].split(" ")[1]);
      headerLines.addAll(List.of(lines).subList(1, lines.length));
      this.body = raw.substring(end + 4);
    }

    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String line : headerLines) {
        int colon = line.indexOf(':');
        if (line.substring(0, colon).equalsIgnoreCase(name)) {
          values.add(line.substring(colon + 1).trim());
        }
      }
      return values;
    }

    Problem problem() {
      return SognoJson.defaults().read(body.getBytes(StandardCharsets.UTF_8), Problem.class);
    }
  }

  /** A store that cannot be read: every lookup fails as an unexpected error would. */
  private static final class BrokenStore implements JobStore {
    @Override
    public JobRecord insert(JobRecord record) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
      throw new IllegalStateException("store down");
    }

    @Override
    public Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change) {
      throw new IllegalStateException("store down");
    }
  }
}
