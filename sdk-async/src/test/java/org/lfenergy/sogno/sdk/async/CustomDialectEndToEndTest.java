package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.async.testing.LegacyJobApi.FAST_POLLING;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.testing.LegacyJobApi;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;

/**
 * A dialect of one's own in the style of Azure's long-running operations: {@code Operation-Location},
 * a numeric progress member, a result link and a cancel URL — everything the handle does for the
 * convention, with another vocabulary.
 */
class CustomDialectEndToEndTest {
  private static final JobDialect OPERATIONS = JobDialect.builder("operations")
      .locateByHeader("Operation-Location")
      .idMember("/operationId")
      .statusMember("/state")
      .status("NotStarted", JobStatus.QUEUED).status("Running", JobStatus.RUNNING)
      .status("Succeeded", JobStatus.SUCCEEDED).status("Failed", JobStatus.FAILED).status("Canceled", JobStatus.CANCELLED)
      .progressMember("/percentComplete")
      .problemMember("/error")
      .resultLink("/resourceLocation")
      .cancelUrl("{location}:cancel")
      .build();

  private final LegacyJobApi api;
  private final List<Job> updates = new CopyOnWriteArrayList<>();

  CustomDialectEndToEndTest() throws IOException {
    api = LegacyJobApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private JobHandle<Map<String, Object>> startOperation() {
    api.on("POST", "/api/grids/7:analyze", 202, "application/json", "",
        Map.of("Operation-Location", "/api/operations/op-1", "Retry-After", "0"));
    return JobHandle.start(api.client(), ApiRequest.builder("POST", "/grids/7:analyze").jsonBody(Map.of()).build(),
            ResponseReader.json(new org.lfenergy.sogno.sdk.core.TypeRef<Map<String, Object>>() {}), OPERATIONS)
        .withPolling(FAST_POLLING)
        .withUpdateListener(updates::add);
  }

  @Test
  void progressIsReportedAndTheResultFollowsTheResultLink() {
    api.on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Running\",\"percentComplete\":30}")
        .on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Running\",\"percentComplete\":70}")
        .on("GET", "/api/operations/op-1", 200,
            "{\"operationId\":\"op-1\",\"state\":\"Succeeded\",\"percentComplete\":100,\"resourceLocation\":\"/api/grids/7/analysis\"}")
        .on("GET", "/api/grids/7/analysis", 200, "{\"losses\":0.8}");

    JobHandle<Map<String, Object>> job = startOperation();

    assertThat(job.jobId()).isEqualTo("op-1");
    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).containsEntry("losses", 0.8);
    assertThat(updates).extracting(update -> update.progress().flatMap(JobProgress::percent).orElse(-1)).containsExactly(30, 70, 100);
  }

  @Test
  void cancelPostsToTheCancelUrlAndTheWaitEndsCancelled() {
    api.on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Running\"}")
        .on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Running\"}")
        .on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Canceled\"}")
        .on("POST", "/api/operations/op-1:cancel", 200, "{\"operationId\":\"op-1\",\"state\":\"Running\"}");
    JobHandle<Map<String, Object>> job = startOperation();
    assertThat(job.dialect().canCancel()).isTrue();

    Job afterCancel = job.cancel();

    assertThat(afterCancel.status()).isEqualTo(JobStatus.RUNNING);
    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(JobCancelledException.class);
    assertThat(api.count("POST /api/operations/op-1:cancel")).isEqualTo(1);
  }

  @Test
  void aCancelAnswerThatShowsNoJobIsFollowedByOnePoll() {
    api.on("POST", "/api/operations/op-1:cancel", 202, "{\"accepted\":true}")
        .on("GET", "/api/operations/op-1", 200, "{\"operationId\":\"op-1\",\"state\":\"Canceled\"}");

    Job afterCancel = startOperation().cancel();

    assertThat(afterCancel.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(api.count("GET /api/operations/op-1")).isEqualTo(1);
  }

  @Test
  void aProblemObjectInTheErrorMemberIsTheJobsProblem() {
    api.on("GET", "/api/operations/op-1", 200,
        "{\"operationId\":\"op-1\",\"state\":\"Failed\",\"error\":{\"title\":\"Diverged\",\"status\":422,\"code\":\"not-converged\"}}");

    assertThatThrownBy(() -> startOperation().waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("not-converged");
          assertThat(e.problem().status()).isEqualTo(422);
        });
  }

  @Test
  void aResultLinkToAnotherOriginIsRefusedBeforeAnythingIsSentThere() {
    api.on("GET", "/api/operations/op-1", 200,
        "{\"operationId\":\"op-1\",\"state\":\"Succeeded\",\"resourceLocation\":\"https://elsewhere.example/analysis\"}");

    assertThatThrownBy(() -> startOperation().waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(CrossOriginLinkException.class, e -> assertThat(e.relation()).isEqualTo(Job.RESULT));
  }
}
