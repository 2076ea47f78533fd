package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * The service end to end over a loopback socket, secured as in production: tokens come from a real
 * issuer ({@link TestIssuer}, its JWKS served over loopback), jobs are kept in an embedded database in a
 * temporary directory, and response validation is on (an answer off the spec becomes a 500 and fails
 * the test). Per operation its happy path, a request without a token, an invalid body, a wrong method;
 * the contract and docs it serves, and its request metrics at {@code /metrics}.
 */
class ServiceTest {
  private final TestIssuer issuer = TestIssuer.forAudience("${serviceName}");
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path jobsDir;
  private Service service;

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(issuer.environment());
    environment.putAll(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_VALIDATE_RESPONSES", "true", "SOGNO_JOBS_DIR", jobsDir.toString()));
    return environment;
  }

  @BeforeEach
  void start() {
    service = Service.start(environment());
  }

  @AfterEach
  void stop() {
    service.close();
    issuer.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(service.baseUri().resolve(URI.create(path)));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + issuer.token("alice").sign());
  }

  private HttpRequest.Builder post(String json) {
    return request("/v1/calculations").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  @Test
  void startCalculationRunsAJobAndServesItsResult() throws Exception {
    HttpResponse<String> accepted = send(withToken(post("{\"values\":[1.5,2.5,3]}")));

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.headers().allValues("X-Request-ID")).hasSize(1);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> job = send(withToken(request(location).header("Prefer", "wait=30")));
    assertThat(job.body()).contains("\"status\":\"succeeded\"");
    HttpResponse<String> result = send(withToken(request(location + "/result")));
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).contains("\"sum\":7.0").contains("\"count\":3");
  }

  @Test
  void startCalculationWithoutAValidTokenIsUnauthorized() throws Exception {
    HttpResponse<String> none = send(post("{\"values\":[1]}"));
    HttpResponse<String> garbage = send(post("{\"values\":[1]}").header("Authorization", "Bearer garbage"));

    for (HttpResponse<String> refused : List.of(none, garbage)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(refused.body()).contains("\"code\":\"unauthorized\"");
    }
  }

  @Test
  void startCalculationAnswersAnInvalidBodyWithAProblemPointingAtEachViolation() throws Exception {
    HttpResponse<String> refused = send(withToken(post("{\"values\":[1,\"two\",3,\"four\"]}")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"code\":\"bad-request\"")
        .contains("\"pointer\":\"#/values/1\"").contains("\"pointer\":\"#/values/3\"");
  }

  @Test
  void startCalculationAnswersAWrongMethodWith405AndAllow() throws Exception {
    HttpResponse<String> refused = send(withToken(request("/v1/calculations").DELETE()));

    assertThat(refused.statusCode()).isEqualTo(405);
    assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
    assertThat(refused.body()).contains("\"code\":\"method-not-allowed\"");
  }

  @Test
  void servesItsContractAndApiDocsWithoutAToken() throws Exception {
    HttpResponse<String> spec = send(request("/openapi.yaml"));
    HttpResponse<String> docs = send(request("/docs"));

    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("/v1/calculations:");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).containsIgnoringCase("swagger");
    assertThat(send(request("/health/ready")).body()).isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void exposesTheRuntimesRequestAndJobMetricsForPrometheusWithoutAToken() throws Exception {
    HttpResponse<String> accepted = send(withToken(post("{\"values\":[1]}")));
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(send(withToken(request(location).header("Prefer", "wait=30"))).body())
        .contains("\"status\":\"succeeded\"");

    // The run's timer is recorded as the job ends, a moment after the job reads as succeeded.
    Pattern timed = Pattern.compile(
        "(?m)^sogno_jobs_duration_seconds_count\\{[^}]*kind=\"${serviceName}\"[^}]*outcome=\"succeeded\"[^}]*} [1-9]");
    HttpResponse<String> scraped = send(request(Service.METRICS_PATH));
    for (long deadline = System.nanoTime() + 30_000_000_000L;
        !timed.matcher(scraped.body()).find() && System.nanoTime() < deadline; ) {
      Thread.sleep(50);
      scraped = send(request(Service.METRICS_PATH));
    }

    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(scraped.body()).containsPattern(
        "(?m)^sogno_http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*"
            + "operation=\"startCalculation\"[^}]*status=\"202\"[^}]*} [1-9]");
    assertThat(scraped.body()).containsPattern(timed).containsPattern("(?m)^sogno_jobs_running ");
  }

  @Test
  void refusesToStartWithoutAnIssuerOrDevelopmentModeNamingTheVariables(@TempDir Path otherJobs) {
    Map<String, String> unsecured = Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_JOBS_DIR", otherJobs.toString());

    assertThatThrownBy(() -> Service.start(unsecured))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SOGNO_AUTH_ISSUER").hasMessageContaining("SOGNO_AUTH_DISABLED");
  }
}
