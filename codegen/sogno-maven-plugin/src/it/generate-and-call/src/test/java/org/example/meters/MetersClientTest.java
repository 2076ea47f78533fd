package org.example.meters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.example.meters.client.api.HealthApi;
import org.example.meters.client.api.ImportsApi;
import org.example.meters.client.api.MetersApi;
import org.example.meters.client.model.ImportRequest;
import org.example.meters.client.model.ImportSummary;
import org.example.meters.client.model.Meter;
import org.example.meters.client.model.MeterType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.platform.model.HealthStatus;

/** The client sogno:generate wrote for meters.yaml, against a loopback server. */
class MetersClientTest {
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/api/meters").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void notFoundProblemBecomesTheTypedException() {
    server.enqueue(problem(404, "{\"title\":\"Meter not found\",\"status\":404,\"code\":\"meter-not-found\"}"));

    assertThatThrownBy(() -> new MetersApi(client).getMeter("m-404"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("meter-not-found");
          assertThat(e.problem().title()).isEqualTo("Meter not found");
        });
  }

  @Test
  void unknownEnumValueRoundTripsUnchanged() throws Exception {
    server.enqueue(json(200, "{\"id\":\"m1\",\"type\":\"hydrogen\"}"));
    server.enqueue(json(200, "{\"id\":\"m1\",\"type\":\"hydrogen\",\"location\":\"cellar\"}"));
    MetersApi meters = new MetersApi(client);

    Meter meter = meters.getMeter("m1");
    meters.putMeter("m1", meter.location("cellar"));

    assertThat(meter.getType().isKnown()).isFalse();
    assertThat(meter.getType()).isNotEqualTo(MeterType.ELECTRICITY);
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.UTF_8))
        .contains("\"type\":\"hydrogen\"");
  }

  @Test
  void acceptedImportIsFollowedToItsResult() throws Exception {
    String job = "{\"id\":\"j-1\",\"status\":\"%s\",\"createdAt\":\"2026-03-01T10:15:00Z\",\"updatedAt\":\"2026-03-01T10:15:01Z\","
        + "\"links\":{\"self\":{\"href\":\"/api/meters/v1/jobs/j-1\"}%s}}";
    server.enqueue(json(202, String.format(job, "queued", ""))
        .newBuilder().setHeader("Location", "/api/meters/v1/jobs/j-1").setHeader("Retry-After", "0").build());
    server.enqueue(json(200, String.format(job, "running", "")));
    server.enqueue(json(200, String.format(job, "succeeded", ",\"result\":{\"href\":\"/api/meters/v1/jobs/j-1/result\"}")));
    server.enqueue(json(200, "{\"imported\":1200,\"rejected\":3}"));

    ImportSummary summary = new ImportsApi(client)
        .beginImportReadings(new ImportRequest().source(URI.create("s3://readings/2026-03.csv")),
            ImportsApi.ImportReadingsOptions.defaults().idempotencyKey("import-2026-03"))
        .withPolling(PollingConfig.builder()
            .backoff(PollingConfig.DEFAULT_BACKOFF.toBuilder().initialDelay(Duration.ofMillis(10)).build()).build())
        .waitForCompletion(Duration.ofSeconds(60));

    assertThat(summary.getImported()).isEqualTo(1200L);
    RecordedRequest start = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(start.getHeaders().get("Prefer")).isEqualTo("respond-async");
    assertThat(start.getHeaders().get("Idempotency-Key")).isEqualTo("import-2026-03");
  }

  @Test
  void healthUsesThePlatformClientModels() {
    server.enqueue(json(200, "{\"status\":\"up\"}"));

    assertThat(new HealthApi(client).getReadiness().getStatus()).isEqualTo(HealthStatus.UP);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse problem(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/problem+json").body(body).build();
  }
}
