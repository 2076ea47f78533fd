package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.async.testing.LegacyJobApi.FAST_POLLING;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.testing.LegacyJobApi;
import org.lfenergy.sogno.sdk.core.ResponseReader;

/** A status the dialect does not map fails the wait after a few polls, never at the timeout. */
class UnmappedJobStatusTest {
  private final LegacyJobApi api;

  UnmappedJobStatusTest() throws IOException {
    api = LegacyJobApi.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static JobDialect dialect(int maxUnmappedPolls) {
    return JobDialect.builder("tasks").locateByHeader("Location")
        .status("busy", JobStatus.RUNNING).status("done", JobStatus.SUCCEEDED)
        .resultMember("/out").maxUnmappedPolls(maxUnmappedPolls).build();
  }

  private JobHandle<String> task(JobDialect dialect) {
    return JobHandle.forLocation(api.client(), api.baseUrl().resolve("/api/tasks/1"), ResponseReader.json(String.class), dialect)
        .withPolling(FAST_POLLING);
  }

  @Test
  void theLimitIsConfigurableAndTheExceptionNamesValueDialectAndPolls() {
    api.on("GET", "/api/tasks/1", 200, "{\"id\":1,\"status\":\"paused\"}");

    assertThatThrownBy(() -> task(dialect(5)).waitForCompletion(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(UnmappedJobStatusException.class, e -> {
          assertThat(e).hasMessage("Job 1 reported status 'paused', which job dialect tasks does not map, in 5 consecutive polls");
          assertThat(e.job()).hasValueSatisfying(job -> assertThat(job.status().value()).isEqualTo("paused"));
        });
    assertThat(api.count("GET /api/tasks/1")).isEqualTo(5);
  }

  @Test
  void aMappedStatusInBetweenStartsTheCountAgain() {
    api.on("GET", "/api/tasks/1", 200, "{\"id\":1,\"status\":\"paused\"}")
        .on("GET", "/api/tasks/1", 200, "{\"id\":1,\"status\":\"busy\"}")
        .on("GET", "/api/tasks/1", 200, "{\"id\":1,\"status\":\"paused\"}")
        .on("GET", "/api/tasks/1", 200, "{\"id\":1,\"status\":\"done\",\"out\":\"42\"}");

    assertThat(task(dialect(2)).waitForCompletion(Duration.ofMinutes(1))).isEqualTo("42");
  }

  @Test
  void theConventionKeepsPollingThroughUnknownStatusesAsItsGuidelinesSay() {
    for (int i = 0; i < 5; i++) {
      api.on("GET", "/api/v1/jobs/1", 200, "{\"id\":\"1\",\"status\":\"paused\"}");
    }
    api.on("GET", "/api/v1/jobs/1", 200, "{\"id\":\"1\",\"status\":\"succeeded\"}")
        .on("GET", "/api/v1/jobs/1/result", 200, "\"r\"");

    JobHandle<String> job = JobHandle.forJobId(api.client(), "1", ResponseReader.json(String.class)).withPolling(FAST_POLLING);

    assertThat(job.dialect()).isSameAs(JobDialects.sogno());
    assertThat(job.waitForCompletion(Duration.ofMinutes(1))).isEqualTo("r");
    assertThat(api.count("GET /api/v1/jobs/1")).isEqualTo(6);
  }
}
