package org.lfenergy.sogno.sdk.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.core.TypeRef;

/**
 * The test service of {@code things.yaml}: one handler per operation, a handler that throws, one that
 * answers off-spec for {@link #OFF_SPEC_ID}, one that waits for {@link #release} (shutdown tests), and
 * a job-starting operation on {@link #jobs} (the job doubles its input), and getThing runs {@link
 * #duringGetThing}. Off-spec answers are collected in {@link #violations}.
 */
final class ThingsService {
  static final String OFF_SPEC_ID = "00000000-0000-4000-8000-000000000bad";
  static final String SLOW_ID = "00000000-0000-4000-8000-00000000510e";
  static final String SECRET = "db-password-in-/etc/things.conf";

  final List<ResponseValidationException> violations = new CopyOnWriteArrayList<>();
  final CountDownLatch slowStarted = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  final JobManager jobs;
  /** Runs inside the getThing handler (observability tests look at the handler's context). */
  volatile Runnable duringGetThing = () -> {};

  ThingsService() {
    this(JobManager.builder().build());
  }

  /** The service with {@code jobs} as its job manager (observability tests pass an observed one). */
  ThingsService(JobManager jobs) {
    this.jobs = jobs;
  }

  SognoServer.Builder builder(ServerConfig config) {
    return SognoServer.builder()
        .jobs(jobs)
        .specResource("things.yaml")
        .config(config)
        .onResponseViolation(violations::add)
        .handle("createThing", request -> {
          Map<String, Object> thing = new LinkedHashMap<>(request.body(new TypeRef<Map<String, Object>>() {}));
          thing.put("id", UUID.randomUUID().toString());
          return OperationResponse.json(201, thing);
        })
        .handle("listThings", request -> OperationResponse.ok(Map.of("items", List.of(),
            "tenant", request.header("X-Tenant").orElse(""), "base", request.externalBase().orElse(""))))
        .handle("breakThing", request -> {
          throw new IllegalStateException("cannot open " + SECRET);
        })
        .handle("getThing", request -> {
          String id = request.pathParam("thingId").orElseThrow();
          duringGetThing.run();
          if (id.equals(OFF_SPEC_ID)) {
            return OperationResponse.ok(Map.of("id", id, "name", 42));
          }
          if (id.equals(SLOW_ID)) {
            slowStarted.countDown();
            release.await();
          }
          return OperationResponse.ok(Map.of("id", id, "name", "anvil", "color", "red"));
        })
        .handle("deleteThing", request -> OperationResponse.status(204))
        .handle("createShape", request -> {
          Map<String, Object> shape = request.body(new TypeRef<Map<String, Object>>() {});
          return OperationResponse.ok(Map.of("area", area(shape)));
        })
        .handle("startCalculation", request -> {
          int input = ((Number) request.body(Map.class).get("input")).intValue();
          return OperationResponse.job("calculation", context -> Map.of("output", 2 * input));
        });
  }

  /** A circle's, a square's or, for a group, the sum of its members' areas. */
  @SuppressWarnings("unchecked")
  private static double area(Map<String, Object> shape) {
    return switch ((String) shape.get("kind")) {
      case "circle" -> Math.PI * Math.pow(((Number) shape.get("radius")).doubleValue(), 2);
      case "square" -> Math.pow(((Number) shape.get("side")).doubleValue(), 2);
      default -> ((List<Map<String, Object>>) shape.get("members")).stream().mapToDouble(ThingsService::area).sum();
    };
  }
}
