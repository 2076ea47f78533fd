package org.lfenergy.sogno.sdk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.ConflictException;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.platform.api.HealthApi;
import org.lfenergy.sogno.sdk.platform.api.JobsApi;
import org.lfenergy.sogno.sdk.platform.model.Health;
import org.lfenergy.sogno.sdk.platform.model.HealthStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client generated from the base spec during this build, against a loopback server. */
class PlatformClientTest {
  private static final UUID JOB_ID = UUID.fromString("3f1c2a9e-2c59-4c8e-9a63-0b6f2d1f7a10");

  private final MockWebServer server = new MockWebServer();
  private JobsApi jobs;
  private HealthApi health;

  @BeforeEach
  void start() throws Exception {
    server.start();
    SognoClient client = SognoClient.builder().baseUrl(server.url("/api/powerflow").toString()).build();
    jobs = new JobsApi(client);
    health = new HealthApi(client);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getJobReadsTheSdkJobAndSendsTheWaitPreference() throws Exception {
    server.enqueue(json(200, "{\"id\":\"" + JOB_ID + "\",\"status\":\"running\",\"kind\":\"powerflow\","
        + "\"progress\":{\"percent\":40,\"message\":\"iteration 3\"},\"createdAt\":\"2026-03-01T10:15:00Z\","
        + "\"updatedAt\":\"2026-03-01T10:15:04Z\",\"links\":{\"self\":{\"href\":\"/v1/jobs/" + JOB_ID + "\"}}}"));

    Job job = jobs.getJob(JOB_ID, JobsApi.GetJobOptions.defaults().prefer("wait=10"));

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.kind()).contains("powerflow");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getTarget()).isEqualTo("/api/powerflow/v1/jobs/" + JOB_ID);
    assertThat(request.getHeaders().get("Prefer")).isEqualTo("wait=10");
    assertThat(request.getHeaders().get("X-Request-ID")).as("the client's own").isNotBlank();
  }

  @Test
  void operationsOnAnExistingJobGetNoBeginMethod() {
    assertThat(java.util.Arrays.stream(JobsApi.class.getMethods()).map(java.lang.reflect.Method::getName))
        .contains("getJob", "cancelJob", "cancelJobAsync")
        .noneMatch(name -> name.startsWith("begin"));
  }

  @Test
  void unknownJobStatusIsKeptAndNotTerminal() {
    server.enqueue(json(200, "{\"id\":\"" + JOB_ID + "\",\"status\":\"paused\",\"createdAt\":\"2026-03-01T10:15:00Z\","
        + "\"updatedAt\":\"2026-03-01T10:15:04Z\",\"links\":{\"self\":{\"href\":\"/v1/jobs/" + JOB_ID + "\"}}}"));

    Job job = jobs.getJob(JOB_ID);

    assertThat(job.status().value()).isEqualTo("paused");
    assertThat(job.status().isKnown()).isFalse();
    assertThat(job.isTerminal()).isFalse();
  }

  @Test
  void cancellingAFinishedJobRaisesConflictWithTheProblemCode() {
    server.enqueue(problem(409, "{\"status\":409,\"title\":\"Job already finished\",\"code\":\"job-already-finished\"}"));

    assertThatThrownBy(() -> jobs.cancelJob(JOB_ID))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.problem().code()).isEqualTo("job-already-finished"));
  }

  @Test
  void unknownJobRaisesNotFound() {
    server.enqueue(problem(404, "{\"status\":404,\"code\":\"job-not-found\"}"));

    assertThatThrownBy(() -> jobs.getJobResult(JOB_ID))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.problem().code()).isEqualTo("job-not-found"));
  }

  @Test
  void readinessReadsHealthAndKeepsAnUnknownCheckStatus() {
    server.enqueue(json(200, "{\"status\":\"up\",\"checks\":[{\"name\":\"kafka\",\"status\":\"degraded\"}]}"));

    Health ready = health.getReadiness();

    assertThat(ready.getStatus()).isEqualTo(HealthStatus.UP);
    assertThat(ready.getChecks().get(0).getStatus().value()).isEqualTo("degraded");
    assertThat(ready.getChecks().get(0).getStatus().isKnown()).isFalse();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse problem(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", Problem.MEDIA_TYPE).body(body).build();
  }
}
