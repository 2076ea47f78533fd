package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;
import org.lfenergy.sogno.samples.powerflow.Ieee14.PublishedBus;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** The service end to end: a real server on a loopback port, driven over HTTP. */
class PowerFlowServiceTest {
  private static PowerFlowService service;
  private static HttpTestClient client;
  @TempDir static Path jobsDir;

  @BeforeAll
  static void startService() {
    service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_HTTP_PORT", "0",
        "SOGNO_JOB_WORKERS", "2",
        "SOGNO_SHUTDOWN_GRACE", "PT5S",
        "SOGNO_JOBS_DIR", jobsDir.toString())));
    client = new HttpTestClient(service.baseUri());
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  static byte[] body(Object tree) {
    return SognoJson.defaults().write(tree);
  }

  /** Polls the job at {@code location} until it is terminal, then returns it. */
  static Map<String, Object> awaitTerminal(String location) {
    AtomicReference<Map<String, Object>> job = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
      Response poll = client.get(location);
      assertThat(poll.status()).isEqualTo(200);
      job.set(poll.json());
      return List.of("succeeded", "failed", "cancelled").contains(poll.json().get("status"));
    });
    return job.get();
  }

  @SuppressWarnings("unchecked")
  static String href(Map<String, Object> job, String rel) {
    return ((Map<String, Map<String, String>>) job.get("links")).get(rel).get("href");
  }

  @Test
  @SuppressWarnings("unchecked")
  void solvesTheIeee14CaseAsAJobMatchingThePublishedSolution() {
    Response accepted = client.postJson("/v1/powerflows", Ieee14.requestBody());

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Retry-After")).isNotBlank();
    Map<String, Object> job = accepted.json();
    assertThat(job.get("kind")).isEqualTo("powerflow");
    assertThat(accepted.header("Location")).isEqualTo("/v1/jobs/" + job.get("id"));

    Map<String, Object> done = awaitTerminal(accepted.header("Location"));
    assertThat(done.get("status")).isEqualTo("succeeded");
    Map<String, Object> progress = (Map<String, Object>) done.get("progress");
    assertThat(progress.get("percent")).isEqualTo(100);
    assertThat((String) progress.get("message")).startsWith("iteration ");

    Response result = client.get(href(done, "result"));
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.header("Content-Type")).startsWith("application/json");
    Map<String, Object> body = result.json();
    assertThat(body.get("converged")).isEqualTo(true);
    assertThat((Integer) body.get("iterations")).isPositive();
    List<Map<String, Object>> buses = (List<Map<String, Object>>) body.get("buses");
    assertThat(buses).hasSize(14);
    for (PublishedBus expected : Ieee14.publishedSolution()) {
      Map<String, Object> bus = buses.get(expected.number() - 1);
      assertThat(bus.get("number")).isEqualTo(expected.number());
      assertThat(((Number) bus.get("voltagePu")).doubleValue())
          .isCloseTo(expected.voltagePu(), within(0.002));
      assertThat(((Number) bus.get("angleDeg")).doubleValue())
          .isCloseTo(expected.angleDeg(), within(0.05));
    }
    assertThat((List<?>) body.get("branches")).hasSize(20);
    assertThat(((Number) ((Map<String, Object>) body.get("losses")).get("mw")).doubleValue())
        .isCloseTo(13.4, within(0.1));
  }

  @Test
  void answersWithTheFinishedJobWhenTheClientPrefersToWait() {
    Response answer = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Prefer", "wait=20");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Preference-Applied")).isEqualTo("wait=20");
    assertThat(answer.json().get("status")).isEqualTo("succeeded");
  }

  @Test
  void sameIdempotencyKeyAndBodyGiveTheSameJob() {
    String key = java.util.UUID.randomUUID().toString();

    Response first = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Idempotency-Key", key);
    Response again = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void failsTheJobWithAProblemWhenThePowerFlowDoesNotConverge() {
    Object request = JsonEdits.set(Ieee14.requestTree(), "/options/maxIterations", 1);

    Response accepted = client.postJson("/v1/powerflows", body(request));
    Map<String, Object> done = awaitTerminal(accepted.header("Location"));

    assertThat(done.get("status")).isEqualTo("failed");
    Map<String, Object> problem = (Map<String, Object>) done.get("problem");
    assertThat(problem.get("code")).isEqualTo("power-flow-not-converged");
    assertThat(problem.get("status")).isEqualTo(422);
    assertThat(problem.get("reason")).isEqualTo("iteration-limit");
    assertThat(problem.get("iterations")).isEqualTo(1);
    assertThat(problem).containsKeys("maxMismatchPu", "worstBus", "title", "detail", "type");
    assertThat((Map<String, Object>) done.get("links")).doesNotContainKey("result");
    Response result = client.get(accepted.header("Location") + "/result");
    assertThat(result.status()).isEqualTo(409);
  }

  @Test
  void cancellingAFinishedJobIsAConflictAndUnknownJobsAreNotFound() {
    Response accepted = client.postJson("/v1/powerflows", Ieee14.requestBody());
    Map<String, Object> done = awaitTerminal(accepted.header("Location"));

    Response cancel = client.send(href(done, "cancel"), "POST", new byte[0], null);
    Response unknown = client.get("/v1/jobs/00000000-0000-4000-8000-000000000000");

    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.header("Content-Type")).startsWith("application/problem+json");
    assertThat(cancel.json().get("code")).isEqualTo("job-already-finished");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code")).isEqualTo("job-not-found");
  }

  @Test
  void echoesTheRequestIdInHeadersAndProblems() {
    Response answer = client.postJson("/v1/powerflows",
        "{}".getBytes(StandardCharsets.UTF_8), "X-Request-ID", "req-42");

    assertThat(answer.header("X-Request-ID")).isEqualTo("req-42");
    assertThat(answer.json().get("requestId")).isEqualTo("req-42");
  }

  @Test
  void replacesRequestIdsThatAreNotOneTo200VisibleCharacters() {
    Response spaced = client.get("/health/live", "X-Request-ID", "two words");
    Response tooLong = client.get("/health/live", "X-Request-ID", "x".repeat(201));
    Response longest = client.get("/health/live", "X-Request-ID", "x".repeat(200));

    assertThat(spaced.header("X-Request-ID")).isNotEqualTo("two words").hasSize(36);
    assertThat(tooLong.header("X-Request-ID")).hasSize(36);
    assertThat(longest.header("X-Request-ID")).isEqualTo("x".repeat(200));
  }

  @Test
  void refusesBodiesThatAreNotJson() {
    Response notJson = client.postJson("/v1/powerflows", "{\"grid\": ".getBytes(StandardCharsets.UTF_8));
    Response wrongType = client.send("/v1/powerflows", "POST",
        Ieee14.requestBody(), "text/plain");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("code")).isEqualTo("malformed-body");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.json().get("code")).isEqualTo("unsupported-media-type");
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    Response unknown = client.get("/v1/nothing-here");
    Response wrongMethod = client.get("/v1/powerflows");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().get("code")).isEqualTo("method-not-allowed");
  }

  @Test
  void servesEveryPathItsOpenApiDocumentDeclares() {
    String spec = new String(client.get("/openapi.yaml").body(), StandardCharsets.UTF_8);
    List<String> paths = java.util.regex.Pattern.compile("(?m)^  (/\\S+):$").matcher(spec)
        .results().map(m -> m.group(1)).toList();

    assertThat(paths).hasSize(7);
    for (String path : paths) {
      String concrete = path.replace("{jobId}", java.util.UUID.randomUUID().toString());
      boolean post = path.equals("/v1/powerflows") || path.endsWith("/cancel");
      Response answer = post ? client.postJson(concrete, "{}".getBytes(StandardCharsets.UTF_8))
          : client.get(concrete);
      assertThat(answer.status()).as(path).isNotEqualTo(405);
      if (answer.status() == 404) {
        assertThat(answer.json().get("code")).as(path).isEqualTo("job-not-found");
      }
    }
  }

  @Test
  void exposesTheRequestAndJobMetricsForPrometheus() {
    Response accepted = client.postJson("/v1/powerflows", Ieee14.requestBody());
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(awaitTerminal(accepted.header("Location")).get("status")).isEqualTo("succeeded");

    // The run's timer is recorded as the job ends, around the time the job reads as succeeded.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Response scraped = client.get("/metrics");

      assertThat(scraped.status()).isEqualTo(200);
      assertThat(scraped.header("Content-Type")).startsWith("text/plain; version=0.0.4");
      assertThat(new String(scraped.body(), StandardCharsets.UTF_8))
          .containsPattern("(?m)^sogno_http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*"
              + "operation=\"startPowerFlow\"[^}]*status=\"202\"[^}]*} [1-9]")
          .containsPattern("(?m)^sogno_jobs_duration_seconds_count\\{kind=\"powerflow\",outcome=\"succeeded\"} [1-9]")
          .containsPattern("(?m)^sogno_jobs_queued [0-9]")
          .containsPattern("(?m)^sogno_jobs_running [0-9]");
    });
  }

  @Test
  void servesHealthProbesAndItsOpenApiDocument() {
    Response live = client.get("/health/live");
    Response ready = client.get("/health/ready");
    Response spec = client.get("/openapi.yaml");

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json()).containsEntry("status", "up");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(spec.status()).isEqualTo(200);
    assertThat(new String(spec.body(), StandardCharsets.UTF_8)).contains("/v1/powerflows:");
  }
}
