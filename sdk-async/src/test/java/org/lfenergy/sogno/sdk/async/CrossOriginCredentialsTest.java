package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.async.testing.TestJobServer;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** A service that hands out a job on another origin must not receive the caller's credentials there. */
class CrossOriginCredentialsTest {
  private final MockWebServer gateway = new MockWebServer();
  private TestJobServer jobHost;

  @BeforeEach
  void start() throws Exception {
    gateway.start();
    jobHost = TestJobServer.start(
        JobManagerConfig.builder().ownerScoped(false).build(), TrustedProxies.none(), request -> ctx -> null);
  }

  @AfterEach
  void stop() {
    gateway.close();
    jobHost.close();
  }

  @Test
  void followingAnAbsoluteLocationToAnAllowedOtherOriginSendsNoCredentials() throws Exception {
    Job job = jobHost.manager().submit(JobSubmission.builder("task").build(), ctx -> "from the other origin");
    String location = jobHost.baseUrl() + "/v1/jobs/" + job.id();
    gateway.enqueue(new MockResponse.Builder().code(202).addHeader("Location", location).addHeader("Retry-After", "1").build());
    SognoClient client = SognoClient.builder()
        .baseUrl(gateway.url("/api/powerflow").uri())
        .authentication(Authentication.bearer("secret-token"))
        .build();

    JobHandle<String> handle = JobHandle.start(client,
        ApiRequest.builder("POST", "/v1/tasks").jsonBody("input").build(), ResponseReader.json(String.class))
        .withAllowedOrigins(jobHost.baseUrl());

    assertThat(handle.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("from the other origin");
    RecordedRequest start = gateway.takeRequest();
    assertThat(start.getHeaders().get("Authorization")).isEqualTo("Bearer secret-token");
    assertThat(jobHost.requests()).isNotEmpty().noneSatisfy(r -> assertThat(r.hasHeader("Authorization")).isTrue());
  }

  @Test
  void relativeLocationIsResolvedAgainstTheRequestUrlAndKeepsTheCredentials() throws Exception {
    gateway.enqueue(new MockResponse.Builder().code(202).addHeader("Location", "jobs/j-1").build());
    gateway.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"j-1\",\"status\":\"succeeded\",\"links\":{\"result\":{\"href\":\"j-1/output\"}}}").build());
    gateway.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("\"ok\"").build());
    SognoClient client = SognoClient.builder()
        .baseUrl(gateway.url("/api/powerflow").uri())
        .authentication(Authentication.bearer("secret-token"))
        .build();

    JobHandle<String> handle = JobHandle.start(client,
        ApiRequest.builder("POST", "/v1/tasks").jsonBody("input").build(), ResponseReader.json(String.class));

    assertThat(handle.location()).isEqualTo(gateway.url("/api/powerflow/v1/jobs/j-1").uri());
    assertThat(handle.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("ok");
    gateway.takeRequest();
    RecordedRequest poll = gateway.takeRequest();
    RecordedRequest result = gateway.takeRequest();
    assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/powerflow/v1/jobs/j-1");
    assertThat(result.getUrl().encodedPath()).isEqualTo("/api/powerflow/v1/jobs/j-1/output");
    assertThat(result.getHeaders().get("Authorization")).isEqualTo("Bearer secret-token");
  }
}
