package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.codegen.grid.api.GridsApi;
import org.lfenergy.sogno.sdk.codegen.grid.api.PowerflowsApi;
import org.lfenergy.sogno.sdk.codegen.grid.model.Grid;
import org.lfenergy.sogno.sdk.codegen.grid.model.GridKind;
import org.lfenergy.sogno.sdk.codegen.grid.model.PowerflowRequest;
import org.lfenergy.sogno.sdk.codegen.grid.model.PowerflowResult;
import org.lfenergy.sogno.sdk.codegen.grid.model.ValidationReport;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.UnprocessableEntityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client generated from {@code specs/grid.yaml} during this module's build (see the POM), called
 * against a loopback server as a user would call it.
 */
class GeneratedClientTest {
  private static final String JOB_RUNNING =
      "{\"id\":\"j1\",\"status\":\"running\",\"createdAt\":\"2026-03-01T10:15:00Z\",\"updatedAt\":\"2026-03-01T10:15:00Z\","
          + "\"links\":{\"self\":{\"href\":\"/v1/jobs/j1\"}}}";

  private final MockWebServer server = new MockWebServer();
  private SognoClient client;
  private GridsApi grids;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/api/grid").toString()).build();
    grids = new GridsApi(client);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void problemAnswerRaisesTheTypedExceptionWithTheProblem() {
    server.enqueue(problem(404, "{\"type\":\"https://sogno-platform.github.io/problems/grid-not-found\","
        + "\"title\":\"Grid not found\",\"status\":404,\"code\":\"grid-not-found\",\"traceId\":\"t-1\"}"));

    assertThatThrownBy(() -> grids.getGrid("g 1"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.problem().code()).isEqualTo("grid-not-found");
          assertThat(e.problem().extensions()).containsEntry("traceId", "t-1");
        });
  }

  @Test
  void validationProblemKeepsItsFieldErrors() {
    server.enqueue(problem(422, "{\"title\":\"Invalid grid\",\"status\":422,\"code\":\"validation-failed\","
        + "\"errors\":[{\"pointer\":\"#/name\",\"detail\":\"must not be blank\",\"code\":\"blank\"}]}"));

    assertThatThrownBy(() -> grids.createGrid(new Grid().id("g1").name("")))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.problem().errors()).containsExactly(new Problem.FieldError("#/name", "must not be blank", "blank")));
  }

  @Test
  void pathAndQueryParametersGoOnTheWireAsTheSpecSays() throws Exception {
    server.enqueue(json(200, "[{\"id\":\"g1\",\"name\":\"north\"}]"));

    List<Grid> found = grids.listGrids(GridsApi.ListGridsOptions.defaults().limit(10).tag(List.of("a", "b c"))
        .voltage(List.of(new java.math.BigDecimal("1.5"), new java.math.BigDecimal("2")))
        .changedSince(java.time.OffsetDateTime.parse("2026-03-01T10:15:00Z")));

    assertThat(found).extracting(Grid::getName).containsExactly("north");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getTarget())
        .isEqualTo("/api/grid/v1/grids?limit=10&tag=a&tag=b%20c&voltage=1.5%2C2&changedSince=2026-03-01T10%3A15%3A00Z");
    assertThat(request.getHeaders().get("X-Request-ID")).as("set by the client's pipeline").isNotBlank();
  }

  @Test
  void shorterOverloadLeavesTheOptionalParametersOut() throws Exception {
    server.enqueue(json(200, "[]"));

    assertThat(grids.listGrids()).isEmpty();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/grids");
  }

  @Test
  void schemaNamedLikeAnSdkClassGetsTheModelPrefix() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    grids.addNote("g1", new org.lfenergy.sogno.sdk.codegen.grid.model.ModelApiRequest().note("checked"));

    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.UTF_8))
        .isEqualTo("{\"note\":\"checked\"}");
  }

  @Test
  void unknownEnumValueIsKeptAndWrittenBackUnchanged() throws Exception {
    server.enqueue(json(200, "{\"id\":\"g1\",\"name\":\"north\",\"kind\":\"hvdc-link\",\"phase\":\"two\",\"priority\":7}"));
    server.enqueue(json(201, "{\"id\":\"g2\",\"name\":\"copy\"}"));

    Grid grid = grids.getGrid("g1");
    grids.createGrid(grid.id("g2"));

    assertThat(grid.getKind().isKnown()).isFalse();
    assertThat(grid.getKind().value()).isEqualTo("hvdc-link");
    assertThat(grid.getKind()).isNotEqualTo(GridKind.TRANSMISSION).isEqualTo(GridKind.of("hvdc-link"));
    assertThat(GridKind.of("transmission")).isSameAs(GridKind.TRANSMISSION);
    assertThat(grid.getPriority().value()).isEqualTo(7);
    assertThat(Grid.PriorityEnum.of(1)).isSameAs(Grid.PriorityEnum.NUMBER_1);
    server.takeRequest(5, TimeUnit.SECONDS);
    String sent = server.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.UTF_8);
    assertThat(sent).contains("\"kind\":\"hvdc-link\"", "\"phase\":\"two\"", "\"priority\":7");
  }

  @Test
  void operationAnswering200Or202ReadsEachStatusAsItsOwnType() {
    server.enqueue(json(200, "{\"valid\":true,\"issues\":[]}"));
    server.enqueue(json(202, JOB_RUNNING));

    GridsApi.ValidateGridOutcome atOnce = grids.validateGrid("small");
    GridsApi.ValidateGridOutcome later = grids.validateGrid("large");

    assertThat(atOnce.status()).isEqualTo(200);
    assertThat(atOnce.ok()).map(ValidationReport::getValid).contains(true);
    assertThat(atOnce.accepted()).isEmpty();
    assertThat(later.status()).isEqualTo(202);
    assertThat(later.ok()).isEmpty();
    assertThat(later.accepted()).hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
  }

  @Test
  void beginFollowsTheAcceptedJobToItsTypedResult() throws Exception {
    server.enqueue(json(202, JOB_RUNNING).newBuilder().setHeader("Location", "/api/grid/v1/jobs/j1").setHeader("Retry-After", "0").build());
    server.enqueue(json(200, "{\"id\":\"j1\",\"status\":\"succeeded\",\"createdAt\":\"2026-03-01T10:15:00Z\","
        + "\"updatedAt\":\"2026-03-01T10:15:02Z\",\"links\":{\"self\":{\"href\":\"/api/grid/v1/jobs/j1\"},"
        + "\"result\":{\"href\":\"/api/grid/v1/jobs/j1/result\"}}}"));
    server.enqueue(json(200, "{\"converged\":true,\"iterations\":4}"));

    JobHandle<PowerflowResult> job = new PowerflowsApi(client)
        .beginRunPowerflow("g1", new PowerflowRequest().solver(PowerflowRequest.SolverEnum.NEWTON_RAPHSON),
            PowerflowsApi.RunPowerflowOptions.defaults().idempotencyKey("key-1"))
        .withPolling(PollingConfig.builder()
            .backoff(PollingConfig.DEFAULT_BACKOFF.toBuilder().initialDelay(Duration.ofMillis(10)).build()).build());
    PowerflowResult result = job.waitForCompletion(Duration.ofSeconds(30));

    assertThat(result.getIterations()).isEqualTo(4);
    RecordedRequest start = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(start.getHeaders().get("Prefer")).isEqualTo("respond-async");
    assertThat(start.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
    assertThat(start.getBody().string(StandardCharsets.UTF_8)).contains("\"solver\":\"newton-raphson\"");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).startsWith("/api/grid/v1/jobs/j1");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/jobs/j1/result");
  }

  @Test
  void asyncMethodCompletesWithTheBodyAndFailsWithTheTypedException() {
    server.enqueue(json(200, "{\"id\":\"g1\",\"name\":\"north\"}"));
    server.enqueue(problem(404, "{\"status\":404,\"code\":\"grid-not-found\"}"));

    assertThat(grids.getGridAsync("g1").join().getName()).isEqualTo("north");
    assertThat(grids.getGridAsync("g2")).failsWithin(Duration.ofSeconds(30))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void bytesGoOutAndComeBackUntouched() throws Exception {
    byte[] snapshot = {0, 1, 2, (byte) 0xff};
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
        .body(new okio.Buffer().write(snapshot)).build());

    grids.putSnapshot("g1", snapshot);
    byte[] read = grids.getSnapshot("g1");

    RecordedRequest put = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(put.getHeaders().get("Content-Type")).startsWith("application/octet-stream");
    assertThat(put.getBody().toByteArray()).isEqualTo(snapshot);
    assertThat(read).isEqualTo(snapshot);
  }

  @Test
  void multipartUploadCarriesTheFileAndTheField() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("stored").build());

    String answer = grids.addAttachment("g1", "CIM".getBytes(StandardCharsets.UTF_8),
        GridsApi.AddAttachmentOptions.defaults().comment("from field team"));

    assertThat(answer).isEqualTo("stored");
    RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(upload.getBody().string(StandardCharsets.UTF_8))
        .contains("name=\"file\"; filename=\"file\"", "CIM", "name=\"comment\"", "from field team");
  }

  @Test
  void multipartFilePartsStreamFromAPathWithALengthAndFromAStreamChunked(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("north.xml"), "<cim>north</cim>");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("stored").build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("stored").build());

    grids.addAttachment("g1", file, GridsApi.AddAttachmentOptions.defaults().comment("from a file"));
    try (InputStream stream = Files.newInputStream(file)) {
      grids.addAttachment("g1", stream, GridsApi.AddAttachmentOptions.defaults());
    }

    RecordedRequest fromFile = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(fromFile.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(fromFile.getBody().size()));
    assertThat(fromFile.getBody().string(StandardCharsets.UTF_8)).contains("name=\"file\"; filename=\"north.xml\"");
    assertThat(readBack(fromFile)).isEqualTo(new MultipartDigest("file", 16, sha, "comment=from a file"));
    RecordedRequest fromStream = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(fromStream.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(readBack(fromStream)).isEqualTo(new MultipartDigest("file", 16, sha, ""));
  }

  @Test
  void anOptionalFilePartStreamsFromAPathOrAStreamGivenInTheOptions(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("north.xml"), "<cim>north</cim>");
    Path preview = Files.writeString(dir.resolve("north.svg"), "<svg>preview</svg>");
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("stored").build());
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("stored").build());

    GridsApi.AddAttachmentOptions fromFile = GridsApi.AddAttachmentOptions.defaults().preview(preview);
    grids.addAttachment("g1", file, fromFile);
    try (InputStream stream = Files.newInputStream(preview)) {
      grids.addAttachment("g1", file, GridsApi.AddAttachmentOptions.defaults().preview(stream));
    }

    assertThat(fromFile.preview()).contains(preview);
    RecordedRequest withPath = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(withPath.getHeaders().get("Content-Length")).as("every part's length known")
        .isEqualTo(String.valueOf(withPath.getBody().size()));
    assertThat(withPath.getBody().string(StandardCharsets.UTF_8))
        .contains("name=\"preview\"; filename=\"north.svg\"").contains("<svg>preview</svg>");
    RecordedRequest withStream = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(withStream.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(withStream.getBody().string(StandardCharsets.UTF_8))
        .contains("name=\"preview\"; filename=\"preview\"").contains("<svg>preview</svg>");
  }

  private static MultipartDigest readBack(RecordedRequest request) throws IOException {
    return MultipartDigest.of(request.getHeaders().get("Content-Type"), new ByteArrayInputStream(request.getBody().toByteArray()));
  }

  @Test
  void missingRequiredParameterFailsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> grids.getGrid(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("gridId is required");
    assertThatThrownBy(() -> grids.addAttachment("g1", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file is required");
    assertThat(server.getRequestCount()).isZero();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse problem(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", Problem.MEDIA_TYPE).body(body).build();
  }
}
