package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/** Health probes, graceful shutdown and trusted proxies, each on a server of its own, on both adapters. */
class LifecycleOverSocketTest {

  private static ServerConfig config() {
    return ServerConfig.builder().host("127.0.0.1").port(0).shutdownGrace(Duration.ofSeconds(30)).build();
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void probesAnswerUpWhileRunningAndReadinessFollowsTheServer(Adapter adapter) throws Exception {
    ThingsService service = new ThingsService();
    SognoServer server = service.builder(config()).build();
    try (Adapter.Running running = adapter.start(server)) {
      Http http = new Http(running.baseUri());

      HttpResponse<byte[]> live = http.get("/health/live");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(Http.json(live)).containsEntry("status", "up");
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

      server.ready(false);
      HttpResponse<byte[]> notReady = http.get("/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(Http.json(notReady)).containsEntry("status", "down");
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(http.send("POST", "/health/live", null).headers().firstValue("Allow")).hasValue("GET, HEAD");
    } finally {
      service.jobs.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void stoppingLetsARequestInFlightFinishAndTakesReadinessDownFirst(Adapter adapter) throws Exception {
    Draining draining = Draining.start(adapter);

    assertThat(draining.stopping).isNotDone();
    draining.finish();
  }

  @org.junit.jupiter.api.Test
  void bothAdaptersReportThePortTheyListenedOnAfterClosing() {
    ThingsService javalinService = new ThingsService();
    ThingsService jdkService = new ThingsService();
    try {
      JavalinServer javalin = JavalinServer.start(javalinService.builder(config()).build());
      int javalinPort = javalin.port();
      javalin.close();
      JdkServer jdk = JdkServer.start(jdkService.builder(config()).build());
      int jdkPort = jdk.port();
      jdk.close();

      assertThat(javalin.port()).isPositive().isEqualTo(javalinPort);
      assertThat(jdk.port()).isPositive().isEqualTo(jdkPort);
    } finally {
      javalinService.jobs.close();
      jdkService.jobs.close();
    }
  }

  @org.junit.jupiter.api.Test
  void theJdkAdapterRefusesRequestsArrivingWhileItDrainsWith503() throws Exception {
    Draining draining = Draining.start(Adapter.JDK);

    HttpResponse<byte[]> late = draining.http.get("/v1/things", "X-Request-ID", "late-1");

    BadInputOverSocketTest.assertProblem(late, 503, "service-unavailable");
    assertThat(late.headers().firstValue("Retry-After")).isPresent();
    draining.finish();
  }

  /** A server stopping while one request is held in its handler; readiness is already down. */
  private record Draining(ThingsService service, Http http, CompletableFuture<HttpResponse<byte[]>> inFlight,
      CompletableFuture<Void> stopping) {

    static Draining start(Adapter adapter) throws Exception {
      ThingsService service = new ThingsService();
      SognoServer server = service.builder(config()).build();
      Adapter.Running running = adapter.start(server);
      Http http = new Http(running.baseUri());
      CompletableFuture<HttpResponse<byte[]>> inFlight =
          CompletableFuture.supplyAsync(() -> http.get("/v1/things/" + ThingsService.SLOW_ID));
      assertThat(service.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(running::close);
      await().atMost(Duration.ofSeconds(10)).until(() -> !server.isReady());
      return new Draining(service, http, inFlight, stopping);
    }

    /** Lets the held request finish: it is answered, and the stop completes. */
    void finish() throws Exception {
      service.release.countDown();
      assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      stopping.get(30, TimeUnit.SECONDS);
      service.jobs.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void believesForwardedHeadersOnlyFromTrustedProxies(Adapter adapter) throws Exception {
    ThingsService trusting = new ThingsService();
    ThingsService untrusting = new ThingsService();
    ServerConfig trustLoopback = config().toBuilder().trustedProxies(java.util.List.of("127.0.0.1", "::1")).build();
    try (Adapter.Running proxied = adapter.start(trusting.builder(trustLoopback).build());
        Adapter.Running direct = adapter.start(untrusting.builder(config()).build())) {
      String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "api.example.org",
          "X-Forwarded-Prefix", "/things-service"};

      HttpResponse<byte[]> viaProxy = new Http(proxied.baseUri()).get("/v1/things", forwarded);
      HttpResponse<byte[]> fromClient = new Http(direct.baseUri()).get("/v1/things", forwarded);
      HttpResponse<byte[]> job = new Http(proxied.baseUri()).postJson("/v1/calculations", "{\"input\":1}", forwarded);

      assertThat(Http.json(viaProxy)).containsEntry("base", "https://api.example.org/things-service");
      assertThat(Http.json(fromClient)).containsEntry("base", "");
      assertThat(job.headers().firstValue("Location")).hasValueSatisfying(
          location -> assertThat(location).startsWith("https://api.example.org/things-service/v1/jobs/"));
    } finally {
      trusting.jobs.close();
      untrusting.jobs.close();
    }
  }
}
