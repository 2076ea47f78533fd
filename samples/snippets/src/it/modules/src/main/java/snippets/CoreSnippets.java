package snippets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.MultipartBody;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.OAuth2ClientCredentials;
import org.lfenergy.sogno.sdk.core.PagedIterable;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;

/** sdk-core/README.md. */
class CoreSnippets {
  void callAService(String jobId, ApiRequest request, String id) {
    // snippet-start:call
    record Job(String id, String status) {}

    SognoClient client = SognoClient.builder()
        .baseUrl("https://platform.example/api/powerflow")          // a path prefix is fine
        .authentication(OAuth2ClientCredentials.builder()
            .tokenEndpoint("https://keycloak.example/realms/sogno/protocol/openid-connect/token")
            .clientId("powerflow-ui").clientSecret(System.getenv("CLIENT_SECRET"))
            .scope("powerflow")
            .build())
        .userAgentSuffix("powerflow-ui/2.3")
        .build();

    try {
      ApiResponse<Job> response = client.execute(
          ApiRequest.builder("GET", "/v1/jobs/{jobId}").pathParam("jobId", jobId).build(),
          ResponseReader.json(Job.class));
      System.out.println(response.body().status() + " (request id " + response.requestId() + ")");
    } catch (NotFoundException e) {
      System.out.println(e.problem().code() + ": " + e.problem().detail());
    }

    // Non-blocking: cancelling the future cancels the HTTP call (and any wait between retries).
    CompletableFuture<ApiResponse<Job>> later = client.executeAsync(request, ResponseReader.json(Job.class));

    // Large uploads: streamed from a file (re-read for each retry) or an InputStream (sent once, never retried).
    client.execute(ApiRequest.builder("PUT", "/v1/files/{id}").pathParam("id", id)
        .bodyFrom(Path.of("grid.xml"), "application/xml").build(), ResponseReader.discarding());

    // Multipart forms: written part by part; a Path part is re-read for each retry, a stream part sends once.
    client.execute(ApiRequest.builder("POST", "/v1/files").newIdempotencyKey()
        .multipart(MultipartBody.builder()
            .text("comment", "north feeder")
            .file("grid", Path.of("grid.xml"), "application/xml")                // filename "grid.xml"
            .build())
        .build(), ResponseReader.discarding());

    // Large bodies: streamed as they arrive, no size limit; the file is replaced only once complete.
    long bytes = client.download(ApiRequest.builder("GET", "/v1/results/{id}").pathParam("id", id).build(),
        Path.of("result.csv")).body();
    // snippet-end:call
  }

  /** A generated page model, as {@code sogno:generate} writes one for the base spec's page shape. */
  interface Grid {
    String getName();
  }

  interface GridPage {
    List<Grid> getItems();

    String getNext();
  }

  void pages(SognoClient client, String savedCursor) {
    // snippet-start:paged
    PagedIterable<Grid> grids = PagedIterable.of(client, ApiRequest.builder("GET", "/v1/grids").queryParam("limit", 100).build(),
        ResponseReader.json(GridPage.class), GridPage::getItems, GridPage::getNext);
    grids.stream().filter(g -> g.getName().startsWith("n")).findFirst();   // stops fetching when found
    for (PagedIterable.Page<Grid> page : grids.pages()) { save(page.items(), page.nextCursor()); }
    grids.fromCursor(savedCursor).forEach(this::process);                  // resume where you left off
    // snippet-end:paged
  }

  void save(List<Grid> grids, java.util.Optional<String> cursor) {
  }

  void process(Grid grid) {
  }

  void answerWithProblems(String id, Exception exception, String requestId) {
    // snippet-start:server
    ProblemResponse response = Problems.validationFailed(List.of(
        Problem.FieldError.of("/buses/0/voltage", "must be positive")));   // 422 validation-failed
    Problems.notFound("job-not-found", "No job " + id);                    // 404
    Problems.conflict("job-not-finished", "Job " + id + " is running");    // 409
    Problems.rateLimited(Duration.ofSeconds(5));                           // 429 + Retry-After: 5
    Problems.queueFull(Duration.ofSeconds(10));                            // 503 + Retry-After: 10

    ProblemResponse answer = ExceptionProblemMapper.defaults().toResponse(exception, requestId);
    // snippet-end:server
  }
}
