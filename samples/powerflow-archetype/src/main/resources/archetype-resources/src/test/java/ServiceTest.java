package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service end to end over a loopback socket. */
class ServiceTest {
  private final Service service = Service.start("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder post(String json) {
    return HttpRequest.newBuilder(service.baseUri().resolve("/v1/calculations"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  @Test
  void runsACalculationAsAJobAndServesItsResult() throws Exception {
    HttpResponse<String> accepted = send(post("{\"values\":[1.5,2.5,3]}"));

    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> job = send(HttpRequest.newBuilder(service.baseUri().resolve(URI.create(location)))
        .header("Prefer", "wait=30"));
    assertThat(job.body()).contains("\"status\":\"succeeded\"");
    HttpResponse<String> result = send(HttpRequest.newBuilder(
        service.baseUri().resolve(URI.create(location + "/result"))));
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.body()).contains("\"sum\":7.0").contains("\"count\":3");
  }

  @Test
  void answersAnInvalidValueWithAProblemPointingAtIt() throws Exception {
    HttpResponse<String> refused = send(post("{\"values\":[1,\"two\",3]}"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"pointer\":\"#/values/1\"").contains("\"code\":\"bad-request\"");
  }

  @Test
  void reportsReadinessAndServesItsContract() throws Exception {
    assertThat(send(HttpRequest.newBuilder(service.baseUri().resolve("/health/ready"))).body())
        .isEqualTo("{\"status\":\"up\"}");
    assertThat(send(HttpRequest.newBuilder(service.baseUri().resolve("/openapi.yaml"))).body())
        .contains("/v1/calculations:");
  }
}
