package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.lfenergy.sogno.sdk.codegen.grid.api.GridsApi;
import org.lfenergy.sogno.sdk.codegen.grid.api.StudiesApi;
import org.lfenergy.sogno.sdk.codegen.grid.model.Grid;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signatures of generated methods: no parameters for headers the pipeline owns, optional
 * parameters in an options object instead of {@code null}s, an {@code Idempotency-Key} per logical
 * call, and {@code begin…} names that read well.
 */
class GeneratedSignaturesTest {
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/api/grid").toString())
        .retry(RetryConfig.builder().backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build()).build())
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"specs/grid.yaml", "platform-specs/dpsim-api.openapi.json"})
  void noGeneratedMethodTakesTheHeadersThePipelineSets(String spec, @TempDir Path output) throws IOException {
    List<File> files = SognoGenerator.builder().basePackage("org.example.client").outputDirectory(output).build()
        .generate(Path.of("src/test/resources", spec));

    for (File file : files) {
      assertThat(Files.readString(file.toPath()))
          .as(file.getName())
          .doesNotContainIgnoringCase("xRequestID")
          .doesNotContain("String traceparent")
          .doesNotContain("String idempotencyKey,");
    }
  }

  @Test
  void optionalParametersAreOptionsAndTheShortFormSendsNone() throws Exception {
    server.enqueue(json(200, "[]"));
    server.enqueue(json(200, "[]"));
    GridsApi grids = new GridsApi(client);

    grids.listGrids();
    grids.listGrids(GridsApi.ListGridsOptions.defaults().limit(5));

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/grids");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/grids?limit=5");
    assertThat(GridsApi.ListGridsOptions.defaults().limit(5).limit()).contains(5);
    assertThat(GridsApi.ListGridsOptions.defaults().tag()).isEmpty();
  }

  @Test
  void eachCreatingCallSendsAFreshIdempotencyKeyThatItsRetriesReuse() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(json(201, "{\"id\":\"g1\",\"name\":\"north\"}"));
    server.enqueue(json(201, "{\"id\":\"g2\",\"name\":\"south\"}"));
    GridsApi grids = new GridsApi(client);

    grids.createGrid(new Grid().id("g1").name("north"));
    grids.createGrid(new Grid().id("g2").name("south"));

    String refused = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
    String retried = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
    String second = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
    assertThat(refused).isNotBlank().isEqualTo(retried);
    assertThat(second).isNotBlank().isNotEqualTo(refused);
  }

  @Test
  void aGivenIdempotencyKeyIsSentAsGiven() throws Exception {
    server.enqueue(json(201, "{\"id\":\"g1\",\"name\":\"north\"}"));

    new GridsApi(client).createGrid(new Grid().id("g1").name("north"),
        GridsApi.CreateGridOptions.defaults().idempotencyKey("order-42"));

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
  }

  @Test
  void aStartOperationBeginsWithoutRepeatingTheVerb() {
    List<String> names = Arrays.stream(StudiesApi.class.getMethods()).map(Method::getName).toList();

    assertThat(names).contains("startStudy", "beginStudy").doesNotContain("beginStartStudy");
  }

  @Test
  void aDeprecatedOperationIsMarkedSoTheClientWarnsOnceAndItsMethodsAreDeprecated(@TempDir Path output) throws Exception {
    SognoGenerator.builder().basePackage("org.example.dep").outputDirectory(output).build()
        .generate(Path.of("src/test/resources/specs/grid.yaml"));
    String api = Files.readString(output.resolve("org/example/dep/api/GridsApi.java"));

    String deleteRequest = api.substring(api.indexOf("private static ApiRequest deleteGridRequest("));
    assertThat(deleteRequest.substring(0, deleteRequest.indexOf("return request.build();"))).contains("request.deprecated();");
    String getRequest = api.substring(api.indexOf("private static ApiRequest getGridRequest("));
    assertThat(getRequest.substring(0, getRequest.indexOf("return request.build();"))).doesNotContain("deprecated");
    assertThat(GridsApi.class.getMethod("deleteGrid", String.class).isAnnotationPresent(Deprecated.class)).isTrue();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }
}
