package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.async.testing.JobServers;
import org.lfenergy.sogno.sdk.async.testing.TestJobServer;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.ResponseReader;

class LongPollingEndToEndTest {
  @RegisterExtension final JobServers servers = new JobServers();
  private TestJobServer server;

  private static ApiRequest task(String prefer) {
    ApiRequest.Builder request = ApiRequest.builder("POST", TestJobServer.TASKS).jsonBody(Map.of());
    return prefer == null ? request.build() : request.header("Prefer", prefer).build();
  }

  @Test
  void submitWithPreferWaitAnswers200WithTheFinishedJobSoTheClientNeverPolls() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> "done");

    ApiResponse<Job> answer = server.client("alice").execute(task("wait=10"), ResponseReader.json(Job.class));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Preference-Applied")).contains("wait=10");
    assertThat(answer.body().status()).isEqualTo(JobStatus.SUCCEEDED);

    JobHandle<String> job = JobHandle.start(server.client("alice"), task("wait=10"), ResponseReader.json(String.class));
    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo("done");
    assertThat(server.count("GET", "/v1/jobs/" + job.jobId())).isEqualTo(1); // the result only
    assertThat(server.count("GET", "/v1/jobs/" + job.jobId() + "/result")).isEqualTo(1);
  }

  @Test
  void submitWithPreferWaitStillAnswers202WhenTheJobOutlastsTheWait() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      servers.awaitRelease();
      return "late";
    });

    ApiResponse<Job> answer = server.client("alice").execute(task("respond-async, wait=1"), ResponseReader.json(Job.class));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.header("Location")).contains("/v1/jobs/" + answer.body().id());
    assertThat(answer.header("Retry-After")).contains("1");
  }

  @Test
  void respondAsyncAnswers202AtOnceAndSaysSo() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> "x");

    ApiResponse<Job> answer = server.client("alice").execute(task("respond-async"), ResponseReader.json(Job.class));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.header("Preference-Applied")).contains("respond-async");
  }

  @Test
  void clientLongPollsSoOneHeldRequestReportsTheCompletion() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      servers.awaitRelease();
      return "finished";
    });
    JobHandle<String> job = JobHandle.start(server.client("alice"), task(null), ResponseReader.json(String.class))
        .withPolling(PollingConfig.builder().longPollWait(Duration.ofSeconds(20)).build());
    String jobPath = "/v1/jobs/" + job.jobId();

    CompletableFuture<String> result = job.toCompletableFuture();
    await().atMost(Duration.ofSeconds(30)).until(() -> server.count("GET", jobPath) == 1);
    servers.release();

    assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("finished");
    assertThat(server.requests())
        .filteredOn(r -> r.method().equals("GET") && r.path().equals(jobPath))
        .hasSize(1)
        .allSatisfy(r -> assertThat(r.headers().get("Prefer")).containsExactly("wait=20"));
  }

  @Test
  void clientFallsBackToRetryAfterWhenTheServerDoesNotLongPoll() throws Exception {
    JobManagerConfig noLongPolls = JobManagerConfig.builder().maxWait(Duration.ZERO).build();
    server = servers.start(noLongPolls, TrustedProxies.none(), request -> ctx -> {
      servers.awaitRelease();
      return "finished";
    });
    JobHandle<String> job = JobHandle.start(server.client("alice"), task(null), ResponseReader.json(String.class));
    String jobPath = "/v1/jobs/" + job.jobId();

    CompletableFuture<String> result = job.toCompletableFuture();
    await().atMost(Duration.ofSeconds(30)).until(() -> server.count("GET", jobPath) >= 2);
    servers.release();

    assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("finished");
  }
}
