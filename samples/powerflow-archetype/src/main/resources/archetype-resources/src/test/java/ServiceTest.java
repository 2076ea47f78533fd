package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.server.ServerConfig;

/**
 * The service end to end over a loopback socket, with response validation on (an answer off the spec
 * becomes a 500 and fails the test): per operation its happy path, an invalid body, a wrong method;
 * and the contract and docs it serves.
 */
class ServiceTest {
  private final Service service = Service.start(
      ServerConfig.builder().host("127.0.0.1").port(0).validateResponses(true).build());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(service.baseUri().resolve(URI.create(path)));
  }

  private HttpRequest.Builder post(String json) {
    return request("/v1/calculations").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  @Test
  void startCalculationRunsAJobAndServesItsResult() throws Exception {
    HttpResponse<String> accepted = send(post("{\"values\":[1.5,2.5,3]}"));

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.headers().allValues("X-Request-ID")).hasSize(1);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> job = send(request(location).header("Prefer", "wait=30"));
    assertThat(job.body()).contains("\"status\":\"succeeded\"");
    HttpResponse<String> result = send(request(location + "/result"));
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).contains("\"sum\":7.0").contains("\"count\":3");
  }

  @Test
  void startCalculationAnswersAnInvalidBodyWithAProblemPointingAtEachViolation() throws Exception {
    HttpResponse<String> refused = send(post("{\"values\":[1,\"two\",3,\"four\"]}"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"code\":\"bad-request\"")
        .contains("\"pointer\":\"#/values/1\"").contains("\"pointer\":\"#/values/3\"");
  }

  @Test
  void startCalculationAnswersAWrongMethodWith405AndAllow() throws Exception {
    HttpResponse<String> refused = send(request("/v1/calculations").DELETE());

    assertThat(refused.statusCode()).isEqualTo(405);
    assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
    assertThat(refused.body()).contains("\"code\":\"method-not-allowed\"");
  }

  @Test
  void servesItsContractAndApiDocs() throws Exception {
    HttpResponse<String> spec = send(request("/openapi.yaml"));
    HttpResponse<String> docs = send(request("/docs"));

    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("/v1/calculations:");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).containsIgnoringCase("swagger");
    assertThat(send(request("/health/ready")).body()).isEqualTo("{\"status\":\"up\"}");
  }
}
