package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.lfenergy.sogno.sdk.async.JobFailedException;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.codegen.grid.api.StudiesApi;
import org.lfenergy.sogno.sdk.codegen.grid.model.StudyRequest;
import org.lfenergy.sogno.sdk.codegen.grid.model.StudyResult;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x-sogno-job-dialect}, given through an overlay file ({@code specs/grid.overlay.yaml}) to an
 * operation of {@code specs/grid.yaml} that answers {@code 200} with its own job object: the generated
 * {@code begin…} drives a loopback imitation of the {@code pgm-service} dialect to its typed result.
 */
class LegacyJobDialectTest {
  private static final PollingConfig FAST = PollingConfig.builder().longPollWait(Duration.ZERO)
      .backoff(Backoff.builder().initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(10)).multiplier(1).jitter(0)
          .maxAttempts(Integer.MAX_VALUE).maxTotalTime(Duration.ofMinutes(1)).build())
      .build();

  private final MockWebServer server = new MockWebServer();
  private StudiesApi studies;

  @BeforeEach
  void start() throws IOException {
    server.start();
    studies = new StudiesApi(SognoClient.builder().baseUrl(server.url("/api/grid").toString()).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void beginFollowsALegacyJobInItsDialectToTheTypedResult() throws Exception {
    server.enqueue(json("{\"id\":\"s1\",\"status\":\"created\"}"));
    server.enqueue(json("{\"id\":\"s1\",\"status\":\"running\"}"));
    server.enqueue(json("{\"id\":\"s1\",\"status\":\"success\",\"result\":{\"maxLoadingPercent\":87.5}}"));

    JobHandle<StudyResult> study = studies.beginStudy(new StudyRequest().gridId("g1")).withPolling(FAST);
    StudyResult result = study.waitForCompletion(Duration.ofSeconds(30));

    assertThat(result.getMaxLoadingPercent()).isEqualTo(87.5);
    RecordedRequest start = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(start.getMethod()).isEqualTo("POST");
    assertThat(start.getTarget()).isEqualTo("/api/grid/v1/studies");
    assertThat(start.getHeaders().get("Prefer")).as("a legacy service is not asked for respond-async").isNull();
    assertThat(start.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"gridId\":\"g1\"}");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/studies/s1");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/studies/s1");
  }

  @Test
  void aFailedLegacyJobFailsWithItsDetails() {
    server.enqueue(json("{\"id\":\"s2\",\"status\":\"created\"}"));
    server.enqueue(json("{\"id\":\"s2\",\"status\":\"failed\",\"details\":\"grid g9 is islanded\"}"));

    JobHandle<StudyResult> study = studies.beginStudy(new StudyRequest().gridId("g9")).withPolling(FAST);

    assertThatThrownBy(() -> study.waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(JobFailedException.class,
            e -> assertThat(e.problem().detail()).isEqualTo("grid g9 is islanded"));
  }

  @Test
  void withoutTheOverlayTheOperationHasNoBegin(@TempDir Path output) throws IOException {
    SognoGenerator.builder().basePackage("org.example.plain").outputDirectory(output).build()
        .generate(Path.of("src/test/resources/specs/grid.yaml"));

    String api = Files.readString(output.resolve("org/example/plain/api/StudiesApi.java"));
    assertThat(api).contains("public StudyJob startStudy(").doesNotContain("beginStudy").doesNotContain("JobDialects");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
