package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.codegen.gridserver.model.Grid;
import org.lfenergy.sogno.sdk.codegen.gridserver.model.GridKind;
import org.lfenergy.sogno.sdk.codegen.gridserver.model.PowerflowResult;
import org.lfenergy.sogno.sdk.codegen.gridserver.model.ValidationReport;
import org.lfenergy.sogno.sdk.codegen.gridserver.server.GridsHandler;
import org.lfenergy.sogno.sdk.codegen.gridserver.server.PagesHandler;
import org.lfenergy.sogno.sdk.codegen.gridserver.server.PowerflowsHandler;
import org.lfenergy.sogno.sdk.codegen.gridserver.server.StudiesHandler;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.lfenergy.sogno.sdk.server.OperationResponse;
import org.lfenergy.sogno.sdk.server.ResponseValidationException;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * The server side generated from {@code specs/grid.yaml} during this module's build (see the POM),
 * implemented as a service author would and served by sdk-server over a loopback socket, with response
 * validation on: typed parameters and bodies reach the methods, typed responses go out as the spec says,
 * and the job operation runs on the JobManager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedServerTest {
  private final SognoJson json = SognoJson.defaults();
  private final HttpClient http = HttpClient.newHttpClient();
  private final JobManager jobs = JobManager.builder().build();
  private final List<ResponseValidationException> offSpec = new CopyOnWriteArrayList<>();
  private final Grids grids = new Grids();
  private JdkServer running;

  @BeforeAll
  void start() {
    SognoServer.Builder builder = SognoServer.builder()
        .spec(Path.of("src/test/resources/specs/grid.yaml"))
        .config(ServerConfig.builder().host("127.0.0.1").port(0).validateResponses(true).build())
        .jobs(jobs)
        .onResponseViolation(offSpec::add);
    GridsHandler.register(builder, grids);
    PowerflowsHandler.register(builder, request -> PowerflowsHandler.RunPowerflowResponse.accepted("powerflow",
        context -> new PowerflowResult().converged(true).iterations(request.body().getTolerance() == null ? 1 : 3)));
    PagesHandler.register(builder, new NotServedHere());
    StudiesHandler.register(builder, new NotServedHere());
    running = JdkServer.start(builder.build());
  }

  /** The spec's paged-list and legacy-study operations, which the client tests exercise, not these. */
  private static final class NotServedHere implements PagesHandler, StudiesHandler {
    @Override
    public ListBusesResponse listBuses(ListBusesRequest request) {
      throw new UnsupportedOperationException("not exercised by the server tests");
    }

    @Override
    public ListGridPagesResponse listGridPages(ListGridPagesRequest request) {
      throw new UnsupportedOperationException("not exercised by the server tests");
    }

    @Override
    public GetStudyResponse getStudy(GetStudyRequest request) {
      throw new UnsupportedOperationException("not exercised by the server tests");
    }

    @Override
    public StartStudyResponse startStudy(StartStudyRequest request) {
      throw new UnsupportedOperationException("not exercised by the server tests");
    }
  }

  @AfterAll
  void stop() {
    running.close();
    jobs.close();
    assertThat(offSpec).as("answers off the spec").isEmpty();
  }

  @Test
  void aTypedBodyIsBoundAndATypedCreatedAnswerWritten() throws Exception {
    HttpResponse<String> created = send("POST", "/v1/grids", "{\"id\":\"g1\",\"name\":\"North\",\"kind\":\"distribution\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json.readUntyped(created.body().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Map.of("id", "g1", "name", "North", "kind", "distribution"));
    assertThat(grids.stored.get("g1").getKind()).isEqualTo(GridKind.DISTRIBUTION);
  }

  @Test
  void aBodyOffTheSchemaNeverReachesTheHandler() throws Exception {
    HttpResponse<String> refused = send("POST", "/v1/grids", "{\"id\":\"g2\",\"buses\":\"many\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"pointer\":\"#/name\"").contains("\"pointer\":\"#/buses\"");
    assertThat(grids.stored).doesNotContainKey("g2");
  }

  @Test
  void queryParametersArriveAsTheirJavaTypes() throws Exception {
    HttpResponse<String> listed = send("GET",
        "/v1/grids?limit=2&tag=a&tag=b&voltage=0.4,20&changedSince=2026-03-01T10:15:00Z", null);

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(grids.lastList).isEqualTo("limit=Optional[2] tag=[a, b] voltage=[0.4, 20] changedSince=2026-03-01T10:15Z");
  }

  @Test
  void anInt32ParameterBeyondItsRangeIsABadRequestPointingAtIt() throws Exception {
    grids.lastList = null;

    HttpResponse<String> refused = send("GET", "/v1/grids?limit=99999999999", null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"pointer\":\"#/query/limit\"");
    assertThat(grids.lastList).isNull();
  }

  @Test
  void absentOptionalParametersAreEmpty() throws Exception {
    send("GET", "/v1/grids", null);

    assertThat(grids.lastList).isEqualTo("limit=Optional.empty tag=[] voltage=[] changedSince=none");
  }

  @Test
  void aProblemThrownByTheHandlerIsAnsweredAsIs() throws Exception {
    HttpResponse<String> missing = send("GET", "/v1/grids/nowhere", null);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"code\":\"grid-not-found\"");
  }

  @Test
  void rawBodiesGoInAndOutAsBytes() throws Exception {
    HttpResponse<String> stored = send("PUT", "/v1/grids/g9/snapshot", "CIM-bytes", "application/octet-stream");
    HttpResponse<String> read = send("GET", "/v1/grids/g9/snapshot", null);

    assertThat(stored.statusCode()).isEqualTo(204);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(read.body()).isEqualTo("CIM-bytes");
  }

  @Test
  void theJobOperationRunsTheTypedWorkOnTheJobManager() throws Exception {
    HttpResponse<String> accepted = send("POST", "/v1/grids/g1/powerflows", "{\"tolerance\":0.001}");

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Retry-After")).isPresent();
    String location = accepted.headers().firstValue("Location").orElseThrow();
    await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", location, null).body().contains("\"succeeded\""));
    HttpResponse<String> result = send("GET", location + "/result", null);
    assertThat(json.readUntyped(result.body().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Map.of("converged", true, "iterations", 3));
  }

  @Test
  void aJobOperationAcceptsKindWorkAsItIsSoADurableJobManagerCanStoreIt() {
    JobKinds kinds = JobKinds.builder()
        .kind("powerflow", Grid.class, (grid, context) -> new PowerflowResult().converged(true))
        .build();
    JobKinds.KindWork<?> work = kinds.work("powerflow", new Grid());

    OperationResponse response = PowerflowsHandler.RunPowerflowResponse.accepted(work).toOperationResponse();

    assertThat(response.jobKind()).hasValue("powerflow");
    assertThat(response.jobWork()).containsSame(work);
  }

  @Test
  void theJobOperationHonoursPreferWaitAndIdempotencyKeys() throws Exception {
    HttpResponse<String> done = send("POST", "/v1/grids/g1/powerflows", "{}", "application/json", "Prefer", "wait=10");
    HttpResponse<String> first = send("POST", "/v1/grids/g1/powerflows", "{}", "application/json", "Idempotency-Key", "k-1");
    HttpResponse<String> again = send("POST", "/v1/grids/g1/powerflows", "{}", "application/json", "Idempotency-Key", "k-1");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"status\":\"succeeded\"");
    assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
  }

  @Test
  void anOperationWithAnAnswerAtOnceOrAJobOffersBoth() throws Exception {
    HttpResponse<String> small = send("POST", "/v1/grids/small/validations", null);
    HttpResponse<String> large = send("POST", "/v1/grids/large/validations", null);

    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.body()).contains("\"valid\":true");
    assertThat(large.statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> send(String method, String path, String body, String... contentTypeAndHeaders)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.baseUri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", contentTypeAndHeaders.length == 0 ? "application/json" : contentTypeAndHeaders[0]);
    }
    for (int i = 1; i + 1 < contentTypeAndHeaders.length; i += 2) {
      request.header(contentTypeAndHeaders[i], contentTypeAndHeaders[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A service author's implementation: no reading, routing or problem code. */
  private static final class Grids implements GridsHandler {
    final Map<String, Grid> stored = new ConcurrentHashMap<>();
    final Map<String, byte[]> snapshots = new ConcurrentHashMap<>();
    volatile String lastList;

    @Override
    public ListGridsResponse listGrids(ListGridsRequest request) {
      lastList = "limit=" + request.limit() + " tag=" + request.tag() + " voltage=" + request.voltage()
          + " changedSince=" + request.changedSince().map(Object::toString).orElse("none");
      return ListGridsResponse.ok(List.copyOf(stored.values()));
    }

    @Override
    public CreateGridResponse createGrid(CreateGridRequest request) {
      stored.put(request.body().getId(), request.body());
      return CreateGridResponse.created(request.body());
    }

    @Override
    public GetGridResponse getGrid(GetGridRequest request) {
      Grid grid = stored.get(request.gridId());
      if (grid == null) {
        throw new ProblemException(Problems.notFound("grid-not-found", "No grid " + request.gridId()));
      }
      return GetGridResponse.ok(grid);
    }

    @Override
    public DeleteGridResponse deleteGrid(DeleteGridRequest request) {
      stored.remove(request.gridId());
      return DeleteGridResponse.noContent();
    }

    @Override
    public ValidateGridResponse validateGrid(ValidateGridRequest request) {
      if (request.gridId().equals("small")) {
        return ValidateGridResponse.ok(new ValidationReport().valid(true));
      }
      return ValidateGridResponse.accepted("validation", context -> new ValidationReport().valid(false));
    }

    @Override
    public AddNoteResponse addNote(AddNoteRequest request) {
      return AddNoteResponse.noContent();
    }

    @Override
    public GetSnapshotResponse getSnapshot(GetSnapshotRequest request) {
      return GetSnapshotResponse.ok(snapshots.getOrDefault(request.gridId(), new byte[0]));
    }

    @Override
    public PutSnapshotResponse putSnapshot(PutSnapshotRequest request) {
      snapshots.put(request.gridId(), request.body());
      return PutSnapshotResponse.noContent();
    }

    @Override
    public AddAttachmentResponse addAttachment(AddAttachmentRequest request) {
      return AddAttachmentResponse.ok(request.body().length + " bytes");
    }
  }
}
