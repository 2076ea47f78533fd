package org.lfenergy.sogno.samples.coredemo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * Calls a local stand-in service with {@link SognoClient}: reads a JSON resource, rides out a 503
 * with {@code Retry-After}, and turns a 404 problem into a typed exception. Prints what happened.
 */
public final class CoreDemo {
  /** The JSON resource, as a plain record: no annotations needed. */
  record Grid(String id, String name, int buses, double nominalVoltageKv, Instant updatedAt, List<String> tags) {}

  private CoreDemo() {}

  public static void main(String[] args) throws Exception {
    // Closing the client releases what it created; the JVM would exit without it too (daemon threads).
    try (DemoServer server = new DemoServer();
        SognoClient client = SognoClient.builder()
            .baseUrl(server.baseUrl())
            .userAgentSuffix("core-demo/0.1")
            .build()) {
      System.out.println("SOGNO SDK core demo against " + client.baseUrl());

      ApiResponse<Grid> grid = client.execute(
          ApiRequest.builder("GET", "/v1/grids/{gridId}").pathParam("gridId", "ieee-14").build(),
          ResponseReader.json(Grid.class));
      System.out.println("1. GET /v1/grids/ieee-14 -> " + grid.status() + " " + grid.body()
          + " (request id " + grid.requestId() + ")");

      long start = System.nanoTime();
      ApiResponse<String> flaky = client.execute(ApiRequest.builder("GET", "/v1/flaky").build(), ResponseReader.string());
      System.out.println("2. GET /v1/flaky -> " + flaky.status() + " " + flaky.body() + " after " + server.flakyCalls()
          + " attempts and " + Duration.ofNanos(System.nanoTime() - start).toMillis()
          + " ms (the first answer was 503 queue-full with Retry-After: 1)");

      try {
        client.execute(ApiRequest.builder("GET", "/v1/jobs/{jobId}").pathParam("jobId", "42").build(),
            ResponseReader.discarding());
        throw new IllegalStateException("expected a 404");
      } catch (NotFoundException e) {
        System.out.println("3. GET /v1/jobs/42 -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
        System.out.println("   problem: type=" + e.problem().type() + " code=" + e.problem().code() + " status="
            + e.problem().status() + " detail=\"" + e.problem().detail() + "\" requestId=" + e.problem().requestId());
      }
    }
  }
}
