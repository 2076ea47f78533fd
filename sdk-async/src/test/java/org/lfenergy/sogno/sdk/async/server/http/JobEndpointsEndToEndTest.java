package org.lfenergy.sogno.sdk.async.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.testing.JobServers;
import org.lfenergy.sogno.sdk.async.testing.TestJobServer;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.ServiceUnavailableException;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.UnprocessableEntityException;

class JobEndpointsEndToEndTest {
  private static final ResponseReader<Job> JOB = ResponseReader.json(Job.class);

  @RegisterExtension final JobServers servers = new JobServers();
  private final AtomicInteger runs = new AtomicInteger();
  private TestJobServer server;

  private TestJobServer serve(JobManagerConfig config, TrustedProxies proxies) throws Exception {
    server = servers.start(config, proxies, request -> ctx -> {
      runs.incrementAndGet();
      servers.awaitRelease();
      return Map.of("input", new String(request.body()));
    });
    return server;
  }

  private static ApiRequest.Builder task(String body) {
    return ApiRequest.builder("POST", TestJobServer.TASKS).body(body.getBytes(), "application/json");
  }

  @Test
  void thousandConcurrentSubmissionsAgainstABoundedQueueLoseNoJobAndRefuseTheRestWith503() throws Exception {
    serve(JobManagerConfig.builder().workers(2).queueCapacity(48).build(), TrustedProxies.none());
    // The breaker would (rightly) stop calling a server answering 503s; here every refusal must be seen.
    SognoClient client = server.client("alice").newBuilder().circuitBreaker(CircuitBreakerConfig.disabled()).build();
    List<CompletableFuture<ApiResponse<Job>>> submissions = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      submissions.add(client.executeAsync(task("{\"n\":" + i + "}").build(), JOB));
    }
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    for (CompletableFuture<ApiResponse<Job>> submission : submissions) {
      submission.handle((response, failure) -> {
        if (failure == null) {
          assertThat(response.status()).isEqualTo(202);
          accepted.add(response.body().id());
        } else {
          Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
          assertThat(cause).isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("queue-full");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
          });
          refused.incrementAndGet();
        }
        return null;
      }).get(60, TimeUnit.SECONDS);
    }

    assertThat(accepted).hasSize(50);
    assertThat(refused).hasValue(950);
    servers.release();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(accepted).allSatisfy(id ->
            assertThat(server.manager().get(id, "alice").status()).isEqualTo(JobStatus.SUCCEEDED)));
    assertThat(runs).hasValue(50);
  }

  @Test
  void resubmissionWithTheSameIdempotencyKeyReturnsTheSameJobAndRunsItOnce() throws Exception {
    serve(JobManagerConfig.defaults(), TrustedProxies.none());
    SognoClient alice = server.client("alice");

    Job first = alice.execute(task("{\"x\":1}").idempotencyKey("key-1").build(), JOB).body();
    Job again = alice.execute(task("{\"x\":1}").idempotencyKey("key-1").build(), JOB).body();
    Job othersKey = server.client("bob").execute(task("{\"x\":1}").idempotencyKey("key-1").build(), JOB).body();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(othersKey.id()).isNotEqualTo(first.id());
    await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 2);
    assertThatThrownBy(() -> alice.execute(task("{\"x\":2}").idempotencyKey("key-1").build(), JOB))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.problem().code()).isEqualTo("idempotency-key-reused"));
  }

  @Test
  void aJobIsInvisibleToOtherPrincipalsAndLooksNotFoundRatherThanForbidden() throws Exception {
    serve(JobManagerConfig.defaults(), TrustedProxies.none());
    Job job = server.client("alice").execute(task("{}").build(), JOB).body();
    SognoClient bob = server.client("bob");

    for (ApiRequest probe : List.of(
        ApiRequest.builder("GET", "/v1/jobs/{id}").pathParam("id", job.id()).build(),
        ApiRequest.builder("GET", "/v1/jobs/{id}/result").pathParam("id", job.id()).build(),
        ApiRequest.builder("POST", "/v1/jobs/{id}/cancel").pathParam("id", job.id()).build())) {
      assertThatThrownBy(() -> bob.execute(probe, JOB))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("job-not-found");
            assertThat(e.problem().requestId()).isEqualTo(e.requestId()).isNotBlank();
          });
    }
    ApiResponse<Job> own = server.client("alice")
        .execute(ApiRequest.builder("GET", "/v1/jobs/{id}").pathParam("id", job.id()).build(), JOB);
    assertThat(own.body().id()).isEqualTo(job.id());
    assertThat(own.header("Retry-After")).contains("1");
    assertThat(own.header("X-Request-ID")).contains(own.requestId());
  }

  @Test
  void withOwnerScopingOffEveryPrincipalSeesTheJob() throws Exception {
    serve(JobManagerConfig.builder().ownerScoped(false).build(), TrustedProxies.none());
    Job job = server.client("alice").execute(task("{}").build(), JOB).body();

    Job seenByBob = server.client("bob")
        .execute(ApiRequest.builder("GET", "/v1/jobs/{id}").pathParam("id", job.id()).build(), JOB).body();

    assertThat(seenByBob.id()).isEqualTo(job.id());
  }

  @Test
  void forwardedHeadersOfATrustedProxyMakeLocationAndLinksAbsolute() throws Exception {
    serve(JobManagerConfig.defaults(), TrustedProxies.of("127.0.0.0/8", "::1"));

    ApiResponse<Job> viaXForwarded = server.client("alice").execute(task("{}")
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "grid.example")
        .header("X-Forwarded-Prefix", "/api/powerflow").build(), JOB);
    ApiResponse<Job> viaForwarded = server.client("alice").execute(task("{}")
        .header("Forwarded", "for=198.51.100.7;proto=http;host=evil.example, for=10.1.2.3;proto=https;host=ops.example:8443")
        .build(), JOB);

    String id = viaXForwarded.body().id();
    assertThat(viaXForwarded.header("Location")).contains("https://grid.example/api/powerflow/v1/jobs/" + id);
    assertThat(viaXForwarded.body().link(Job.CANCEL).orElseThrow().href())
        .isEqualTo("https://grid.example/api/powerflow/v1/jobs/" + id + "/cancel");
    assertThat(viaForwarded.header("Location")).contains("https://ops.example:8443/v1/jobs/" + viaForwarded.body().id());
  }

  @Test
  void forwardedHeadersOfAnUntrustedPeerAreIgnoredAndLocationStaysRelative() throws Exception {
    serve(JobManagerConfig.defaults(), TrustedProxies.of("10.0.0.0/8"));

    ApiResponse<Job> answer = server.client("alice").execute(task("{}")
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
        .header("Forwarded", "proto=https;host=evil.example").build(), JOB);

    assertThat(answer.header("Location")).contains("/v1/jobs/" + answer.body().id());
    assertThat(answer.body().link(Job.SELF).orElseThrow().href()).isEqualTo("/v1/jobs/" + answer.body().id());
  }

  @Test
  void longPollOfAnUnfinishedJobAnswersAfterTheClampedWaitWithPreferenceApplied() throws Exception {
    serve(JobManagerConfig.builder().maxWait(Duration.ofSeconds(1)).build(), TrustedProxies.none());
    SognoClient alice = server.client("alice");
    Job job = alice.execute(task("{}").build(), JOB).body();

    ApiResponse<Job> held = alice.execute(ApiRequest.builder("GET", "/v1/jobs/{id}").pathParam("id", job.id())
        .header("Prefer", "wait=600").build(), JOB);

    assertThat(held.status()).isEqualTo(200);
    assertThat(held.header("Preference-Applied")).contains("wait=1");
    assertThat(held.header("Retry-After")).contains("1");
    assertThat(held.body().isTerminal()).isFalse();
  }

  @Test
  void resultBeforeTheJobEndedIsA409AndUnknownPathsAndMethodsGetProblems() throws Exception {
    serve(JobManagerConfig.defaults(), TrustedProxies.none());
    SognoClient alice = server.client("alice");
    Job job = alice.execute(task("{}").build(), JOB).body();

    assertThatThrownBy(() -> alice.execute(
        ApiRequest.builder("GET", "/v1/jobs/{id}/result").pathParam("id", job.id()).build(), JOB))
        .hasMessageContaining("job-not-finished");
    assertThatThrownBy(() -> alice.execute(
        ApiRequest.builder("DELETE", "/v1/jobs/{id}").pathParam("id", job.id()).build(), JOB))
        .satisfies(e -> assertThat(((org.lfenergy.sogno.sdk.core.ApiException) e).status()).isEqualTo(405));
    assertThatThrownBy(() -> alice.execute(ApiRequest.builder("GET", "/v1/jobs/x/y/z").build(), JOB))
        .isInstanceOf(NotFoundException.class);

    servers.release();
    await().atMost(Duration.ofSeconds(30)).until(() -> server.manager().get(job.id(), "alice").isTerminal());
    ApiResponse<String> result = alice.execute(
        ApiRequest.builder("GET", "/v1/jobs/{id}/result").pathParam("id", job.id()).build(), ResponseReader.string());
    assertThat(result.body()).isEqualTo("{\"input\":\"{}\"}");
    assertThat(result.header("Content-Type")).contains("application/json");
  }
}
