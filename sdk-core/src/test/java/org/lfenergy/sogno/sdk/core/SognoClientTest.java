package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SognoClientTest {
  record Job(String id, String status) {}

  @StartStop
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = SognoClient.builder().baseUrl(server.url("/api/powerflow/").toString()).build();
  }

  @Test
  void readsJsonFromAPathUnderTheBaseUrlPrefix() throws Exception {
    server.enqueue(json(200, "{\"id\":\"j 1/2\",\"status\":\"running\",\"extra\":1}"));

    ApiResponse<Job> response = client.execute(ApiRequest.builder("GET", "/v1/jobs/{jobId}")
        .pathParam("jobId", "j 1/2").queryParam("fields", "id,status").queryParam("skipped", null).build(),
        ResponseReader.json(Job.class));

    assertThat(response.body()).isEqualTo(new Job("j 1/2", "running"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded.getTarget()).isEqualTo("/api/powerflow/v1/jobs/j%201%2F2?fields=id%2Cstatus");
    assertThat(response.uri()).isEqualTo(recorded.getUrl().uri());
  }

  @Test
  void pathParametersAreEncodedAsExactlyOneSegmentAndQueryParametersRepeat() throws Exception {
    server.enqueue(json(200, "{}"));

    client.execute(ApiRequest.builder("GET", "/v1/files/{name}/versions/{v}").pathParam("name", "Ümlaut+&=?#%")
        .pathParam("v", 3).queryParam("tag", "a b").queryParam("tag", "ü&x").build(), ResponseReader.discarding());

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("/api/powerflow/v1/files/%C3%9Cmlaut%2B%26%3D%3F%23%25/versions/3?tag=a%20b&tag=%C3%BC%26x");
  }

  @Test
  void sendsUserAgentRequestIdTraceparentAndAccept() throws Exception {
    server.enqueue(json(200, "{}"));
    SognoClient withSuffix = client.newBuilder().userAgentSuffix("powerflow-ui/2.3").build();

    ApiResponse<Void> response = withSuffix.execute(ApiRequest.builder("GET", "/v1/ping").build(),
        ResponseReader.discarding());

    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded.getHeaders().get("User-Agent"))
        .matches("sogno-sdk-java/0\\.1\\.0-SNAPSHOT \\(Java [0-9.+\\-a-z]+\\) powerflow-ui/2\\.3");
    assertThat(recorded.getHeaders().get("X-Request-ID")).matches("[0-9a-f-]{36}").isEqualTo(response.requestId());
    assertThat(recorded.getHeaders().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(recorded.getHeaders().get("Accept")).startsWith("application/json");
  }

  @Test
  void keepsTheCallersRequestIdAndTraceparent() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    String callers = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String ambient = "00-11111111111111111111111111111111-2222222222222222-00";
    SognoClient traced = client.newBuilder().traceparent(() -> ambient).build();

    traced.execute(ApiRequest.builder("GET", "/a").header("X-Request-ID", "mine").header("traceparent", callers).build(),
        ResponseReader.discarding());
    traced.execute(ApiRequest.builder("GET", "/b").build(), ResponseReader.discarding());

    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getHeaders().get("X-Request-ID")).isEqualTo("mine");
    assertThat(first.getHeaders().get("traceparent")).isEqualTo(callers);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent")).isEqualTo(ambient);
  }

  @Test
  void postsAJsonBodyWrittenWithTheClientsJson() throws Exception {
    server.enqueue(json(201, "{\"id\":\"1\",\"status\":\"queued\"}"));

    ApiResponse<Job> response = client.execute(ApiRequest.builder("POST", "/v1/jobs").jsonBody(Map.of("kind", "powerflow")).build(),
        ResponseReader.json(Job.class));

    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"powerflow\"}");
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void aProblemResponseBecomesTheTypedException() {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", Problem.MEDIA_TYPE)
        .body("{\"type\":\"https://sogno-platform.github.io/problems/job-not-found\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"No job 42\",\"code\":\"job-not-found\"}")
        .build());

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs/42").build(), ResponseReader.discarding()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.problem().code()).isEqualTo("job-not-found");
          assertThat(e.problem().detail()).isEqualTo("No job 42");
          assertThat(e.requestId()).isNotBlank();
          assertThat(e.getMessage()).contains("404", "GET", "/api/powerflow/v1/jobs/42", "No job 42", e.requestId());
        });
  }

  @Test
  void executeAsyncCompletesWithTheResponseOrTheTypedException() {
    server.enqueue(json(200, "{\"id\":\"1\",\"status\":\"succeeded\"}"));
    server.enqueue(new MockResponse.Builder().code(409).body("{\"detail\":\"busy\"}").build());

    assertThat(client.executeAsync(ApiRequest.builder("GET", "/v1/jobs/1").build(), ResponseReader.json(Job.class))
        .join().body().status()).isEqualTo("succeeded");
    assertThatThrownBy(() -> client.executeAsync(ApiRequest.builder("GET", "/v1/jobs/1").build(),
        ResponseReader.discarding()).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ConflictException.class);
  }

  @Test
  void aMalformedSuccessBodyGivesJsonExceptionWithTheRequestId() {
    server.enqueue(json(200, "{\"id\":"));

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs/1").build(), ResponseReader.json(Job.class)))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.requestId()).isNotBlank());
  }

  @Test
  void relativeUrisResolveAgainstTheBaseUrlAndAbsoluteOnesAreUsedAsIs() throws Exception {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, "[]"));

    client.execute(ApiRequest.builder("GET", URI.create("v1/jobs?page=2")).queryParam("size", 10).build(),
        ResponseReader.json(new TypeRef<List<Job>>() {}));
    client.execute(ApiRequest.builder("GET", server.url("/elsewhere").uri()).build(), ResponseReader.discarding());

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/powerflow/v1/jobs?page=2&size=10");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/elsewhere");
  }

  @Test
  void aRequestThatCannotBeBuiltFailsBeforeSending() {
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs/{jobId}").build(), ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jobId");
    assertThatThrownBy(() -> ApiRequest.builder("GET", "/x").jsonBody(1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs?page=2").build(), ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queryParam");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void dotSegmentsInPathParametersAreRejectedRatherThanClimbingOutOfTheBasePath() {
    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/files/{name}").pathParam("name", "..").build(),
        ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name' cannot be '..'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void bodylessCallsOfMethodsThatRequireABodySendAnEmptyOne() throws Exception {
    for (String method : List.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT")) {
      server.enqueue(json(200, "{}"));
      client.execute(ApiRequest.builder(method, "/v1/things").build(), ResponseReader.discarding());

      RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(recorded.getMethod()).isEqualTo(method);
      assertThat(recorded.getHeaders().get("Content-Length")).as(method).isEqualTo("0");
    }
  }

  @Test
  void bodiesOnGetHeadOptionsAndTraceAreRejectedBeforeSending() {
    for (String method : List.of("GET", "HEAD", "OPTIONS", "TRACE")) {
      assertThatThrownBy(() -> ApiRequest.builder(method, "/x").body(new byte[] {1}, "text/plain").build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage(method + " requests cannot have a body");
    }
    assertThat(ApiRequest.builder("DELETE", "/x").jsonBody(1).build().hasBody()).isTrue();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }
}
