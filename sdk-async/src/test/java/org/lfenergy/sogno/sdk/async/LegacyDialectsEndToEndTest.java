package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.async.testing.LegacyJobApi.FAST_POLLING;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.testing.LegacyJobApi;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.TypeRef;
import org.lfenergy.sogno.sdk.core.UnprocessableEntityException;

/**
 * The ready-made dialects against loopback imitations of the platform's services (answers modelled on
 * their published source and specs): numeric and string ids, 200 instead of 202, no {@code Location},
 * inline results, error statuses — each to success, failure and timeout through {@link JobHandle}.
 */
class LegacyDialectsEndToEndTest {
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};
  private final LegacyJobApi api = startApi();
  private final List<JobStatus> statuses = new CopyOnWriteArrayList<>();

  private static LegacyJobApi startApi() {
    try {
      return LegacyJobApi.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private <T> JobHandle<T> start(String path, Object body, ResponseReader<T> reader, JobDialect dialect) {
    return JobHandle.start(api.client(), ApiRequest.builder("POST", path).jsonBody(body).build(), reader, dialect)
        .withPolling(FAST_POLLING)
        .withUpdateListener(job -> statuses.add(job.status()));
  }

  private static void assertTimesOut(JobHandle<?> job) {
    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofMillis(300)))
        .isInstanceOfSatisfying(JobTimeoutException.class,
            e -> assertThat(e.job()).hasValueSatisfying(last -> assertThat(last.status()).isEqualTo(JobStatus.RUNNING)));
  }

  @Nested
  class DpsimService {
    private final Map<String, Object> analysis = Map.of("name", "grid", "type", "PowerflowAnalysis", "modelid", 1);

    private JobHandle<String> startAnalysis() {
      api.on("POST", "/api/analysis", 200, "{\"name\":\"grid\",\"type\":\"PowerflowAnalysis\",\"modelid\":1,\"analysis_id\":5}");
      return start("/analysis", analysis, ResponseReader.string(), JobDialects.dpsimService());
    }

    @Test
    void aNumericIdIn200WithoutLocationIsPolledToTheResultsText() {
      api.on("GET", "/api/analysis/5", 200, "{\"status\":\"requested\",\"id\":5}")
          .on("GET", "/api/analysis/5", 200, "{\"status\":\"running\",\"id\":5}")
          .on("GET", "/api/analysis/5", 200, "{\"status\":\"complete\",\"id\":5}")
          .on("GET", "/api/analysis/5/results", 200, "text/plain", "\nAnalysis_5.csv:\n\ntime,V\n0,1.0", Map.of());

      JobHandle<String> job = startAnalysis();

      assertThat(job.jobId()).isEqualTo("5");
      assertThat(job.location()).isEqualTo(api.baseUrl().resolve("/api/analysis/5"));
      assertThat(job.lastKnown()).as("the 200 echoes the request: no status yet").isEmpty();
      assertThat(job.waitForCompletion(Duration.ofSeconds(30))).endsWith("time,V\n0,1.0");
      assertThat(statuses).containsExactly(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED);
    }

    @Test
    void theIssuesExampleWithIdAndStatusInTheFirstAnswerIsAJobSeenQueued() {
      api.on("POST", "/api/analysis", 200, "{\"id\":5,\"status\":\"requested\"}")
          .on("GET", "/api/analysis/5", 200, "{\"status\":\"complete\",\"id\":5}")
          .on("GET", "/api/analysis/5/results", 200, "text/plain", "ok", Map.of());

      JobHandle<String> job = JobHandle.start(api.client(), ApiRequest.builder("POST", "/analysis").jsonBody(analysis).build(),
          ResponseReader.string(), JobDialects.byName("dpsim-service")).withPolling(FAST_POLLING);

      assertThat(job.lastKnown()).hasValueSatisfying(seen -> assertThat(seen.status()).isEqualTo(JobStatus.QUEUED));
      assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("ok");
    }

    @Test
    void anErrorStatusFailsTheWaitWithoutAskingForResults() {
      api.on("GET", "/api/analysis/5", 200, "{\"status\":\"running\",\"id\":5}")
          .on("GET", "/api/analysis/5", 200, "{\"status\":\"error\",\"id\":5}");

      JobHandle<String> job = startAnalysis();

      assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.problem().status()).isEqualTo(500));
      assertThat(api.count("GET /api/analysis/5/results")).isZero();
    }

    @Test
    void aJobThatStaysRunningTimesOut() {
      api.on("GET", "/api/analysis/5", 200, "{\"status\":\"running\",\"id\":5}");

      assertTimesOut(startAnalysis());
    }

    @Test
    void notRequestedYetIsUnmappedAndFailsAfterThreePolls() {
      api.on("GET", "/api/analysis/5", 200, "{\"status\":\"not_requested_yet\",\"id\":5}");

      JobHandle<String> job = startAnalysis();

      assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(UnmappedJobStatusException.class, e -> {
            assertThat(e.value()).isEqualTo("not_requested_yet");
            assertThat(e.dialect()).isEqualTo("dpsim-service");
            assertThat(e).hasMessageContaining("not_requested_yet").hasMessageContaining("dpsim-service");
          });
      assertThat(api.count("GET /api/analysis/5")).isEqualTo(3);
    }

    @Test
    void cancelIsRefusedWithoutSendingAnything() {
      JobHandle<String> job = startAnalysis();

      assertThatThrownBy(job::cancel).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("dpsim-service");
      assertThat(api.requests()).containsExactly("POST /api/analysis");
    }
  }

  @Nested
  class PgmService {
    private JobHandle<Map<String, Object>> startPowerflow() {
      api.on("POST", "/api/pgm_powerflow/", 200,
          "{\"id\":\"6571c2\",\"input\":{},\"status\":\"created\",\"details\":null,\"created\":\"2026-12-07T10:00:00\",\"finished\":null,\"result\":null}");
      return start("/pgm_powerflow/", Map.of("model", Map.of()), ResponseReader.json(MAP), JobDialects.pgmService());
    }

    @Test
    void aStringIdIsPolledToTheInlineResult() {
      api.on("GET", "/api/pgm_powerflow/6571c2", 200, "{\"id\":\"6571c2\",\"status\":\"running\",\"result\":null}")
          .on("GET", "/api/pgm_powerflow/6571c2", 200,
              "{\"id\":\"6571c2\",\"status\":\"success\",\"finished\":\"2026-12-07T10:00:02\",\"result\":{\"node\":[{\"id\":1,\"u_pu\":0.99}]}}");

      JobHandle<Map<String, Object>> job = startPowerflow();

      assertThat(job.lastKnown()).hasValueSatisfying(seen -> {
        assertThat(seen.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(seen.extensions()).containsEntry("created", "2026-12-07T10:00:00");
      });
      assertThat(job.waitForCompletion(Duration.ofSeconds(30))).containsKey("node");
      assertThat(statuses).containsExactly(JobStatus.RUNNING, JobStatus.SUCCEEDED);
      assertThat(api.requests()).allMatch(request -> request.startsWith("POST /api/pgm_powerflow/") || request.equals("GET /api/pgm_powerflow/6571c2"));
    }

    @Test
    void aFailedJobsDetailsBecomeTheProblemDetail() {
      api.on("GET", "/api/pgm_powerflow/6571c2", 200,
          "{\"id\":\"6571c2\",\"status\":\"failed\",\"details\":\"ValueError('no source in the grid')\"}");

      assertThatThrownBy(() -> startPowerflow().waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.problem().detail()).isEqualTo("ValueError('no source in the grid')");
            assertThat(e.problem().code()).isEqualTo("job-failed");
          });
    }

    @Test
    void aJobThatStaysRunningTimesOut() {
      api.on("GET", "/api/pgm_powerflow/6571c2", 200, "{\"id\":\"6571c2\",\"status\":\"running\"}");

      assertTimesOut(startPowerflow());
    }

    @Test
    void retryAfterOfAPollIsHonouredAsForTheConvention() {
      api.on("GET", "/api/pgm_powerflow/6571c2", 200, "application/json", "{\"id\":\"6571c2\",\"status\":\"running\"}",
          Map.of("Retry-After", "3600"));

      assertTimesOut(startPowerflow());
      assertThat(api.count("GET /api/pgm_powerflow/6571c2")).as("no poll before the hour is over").isEqualTo(1);
    }

    @Test
    void theResultIsAlsoAFuture() throws Exception {
      api.on("GET", "/api/pgm_powerflow/6571c2", 200, "{\"id\":\"6571c2\",\"status\":\"success\",\"result\":{\"ok\":true}}");

      assertThat(startPowerflow().toCompletableFuture().get()).containsEntry("ok", true);
    }
  }

  @Nested
  class OpenstefApi {
    private JobHandle<Map<String, Object>> startTraining() {
      api.on("POST", "/api/v2/training/", 200, "{\"job_id\":17,\"status\":\"pending\",\"max_training_time\":60}");
      return start("/v2/training/", Map.of("max_training_time", 60), ResponseReader.json(MAP), JobDialects.openstefApi());
    }

    @Test
    void theJobResourceIsItsOwnResult() {
      api.on("GET", "/api/v2/training/17", 200, "{\"job_id\":17,\"status\":\"doing\"}")
          .on("GET", "/api/v2/training/17", 200, "{\"job_id\":17,\"status\":\"success\",\"training_error\":0.12}");

      JobHandle<Map<String, Object>> job = startTraining();

      assertThat(job.jobId()).isEqualTo("17");
      assertThat(job.waitForCompletion(Duration.ofSeconds(30))).containsEntry("training_error", 0.12).containsEntry("job_id", 17);
      assertThat(statuses).containsExactly(JobStatus.RUNNING, JobStatus.SUCCEEDED);
    }

    @Test
    void aFailedJobFailsWithABareProblem() {
      api.on("GET", "/api/v2/training/17", 200, "{\"job_id\":17,\"status\":\"failed\"}");

      assertThatThrownBy(() -> startTraining().waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.problem().status()).isEqualTo(500));
    }

    @Test
    void aJobThatStaysDoingTimesOut() {
      api.on("GET", "/api/v2/training/17", 200, "{\"job_id\":17,\"status\":\"doing\"}");

      assertTimesOut(startTraining());
    }
  }

  @Nested
  class DpsimApi {
    private static final String SIMULATION =
        "{\"simulation_id\":3,\"simulation_type\":\"Powerflow\",\"model_id\":\"m1\",\"load_profile_id\":\"p1\",\"domain\":\"SP\","
            + "\"solver\":\"NRP\",\"timestep\":1,\"finaltime\":30,\"results_id\":\"r3\",\"error\":\"%s\",\"results_data\":\"%s\"}";

    private JobHandle<String> startSimulation() {
      api.on("POST", "/api/simulation", 200, String.format(SIMULATION, "", ""));
      return start("/simulation", Map.of("simulation_type", "Powerflow", "model_id", "m1", "load_profile_id", "p1"),
          ResponseReader.json(String.class), JobDialects.dpsimApi());
    }

    @Test
    void resultsDataAppearingMeansSucceededAndIsTheResult() {
      api.on("GET", "/api/simulation/3", 200, String.format(SIMULATION, "", ""))
          .on("GET", "/api/simulation/3", 200, String.format(SIMULATION, "", "time,n1.V\\n0,1.0"));

      JobHandle<String> job = startSimulation();

      assertThat(job.jobId()).isEqualTo("3");
      assertThat(job.lastKnown()).hasValueSatisfying(seen -> assertThat(seen.status()).isEqualTo(JobStatus.RUNNING));
      assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("time,n1.V\n0,1.0");
    }

    @Test
    void aNonEmptyErrorFailsWithItsTextAsDetail() {
      api.on("GET", "/api/simulation/3", 200, String.format(SIMULATION, "dpsim: singular matrix", ""));

      assertThatThrownBy(() -> startSimulation().waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.problem().detail()).isEqualTo("dpsim: singular matrix"));
    }

    @Test
    void anErrorStatusOfThePollIsTheCallsTypedException() {
      api.on("GET", "/api/simulation/3", 422, "{\"err\":\"Simulation not found\"}");

      assertThatThrownBy(() -> startSimulation().waitForCompletion(Duration.ofSeconds(30)))
          .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void resultsThatNeverAppearTimeOut() {
      api.on("GET", "/api/simulation/3", 200, String.format(SIMULATION, "", ""));

      assertTimesOut(startSimulation());
    }
  }
}
