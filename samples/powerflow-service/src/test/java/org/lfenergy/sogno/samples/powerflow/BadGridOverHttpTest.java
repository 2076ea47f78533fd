package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** Every kind of bad grid, sent to the real server, gets its problem with the pointer at fault. */
class BadGridOverHttpTest {
  private static PowerFlowService service;
  private static HttpTestClient client;
  @TempDir static Path jobsDir;

  @BeforeAll
  static void startService() {
    service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_AUTH_DISABLED", "true", "SOGNO_JOB_WORKERS", "1", "SOGNO_JOBS_DIR", jobsDir.toString())));
    client = new HttpTestClient(service.baseUri());
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  static Stream<Arguments> badGrids() {
    return Stream.of(
        bad("no slack bus", t -> JsonEdits.set(t, "/grid/buses/0/type", "pq"),
            422, "validation-failed", "#/grid/buses", "no-slack-bus"),
        bad("second slack bus", t -> JsonEdits.set(t, "/grid/buses/2/type", "slack"),
            422, "validation-failed", "#/grid/buses/2/type", "multiple-slack-buses"),
        bad("unknown bus referenced", t -> JsonEdits.set(t, "/grid/branches/5/fromBus", 42),
            422, "validation-failed", "#/grid/branches/5/fromBus", "unknown-bus"),
        bad("bus without path to the slack", t -> JsonEdits.remove(t, "/grid/branches/13"),
            422, "validation-failed", "#/grid/buses/7", "not-connected"),
        bad("negative base MVA", t -> JsonEdits.set(t, "/grid/baseMva", -100),
            400, "bad-request", "#/grid/baseMva", "minimum"),
        bad("zero base MVA (exclusiveMinimum)", t -> JsonEdits.set(t, "/grid/baseMva", 0),
            400, "bad-request", "#/grid/baseMva", "minimum"),
        bad("NaN value (a string where a number belongs)", t -> JsonEdits.set(t, "/grid/buses/4/loadMvar", "NaN"),
            400, "bad-request", "#/grid/buses/4/loadMvar", "type"),
        bad("reactive limits inverted", t -> JsonEdits.set(JsonEdits.set(t, "/grid/buses/1/minReactiveMvar", 50),
                "/grid/buses/1/maxReactiveMvar", -40),
            400, "bad-request", "#/grid/buses/1/minReactiveMvar", "inverted-limits"),
        bad("branch from a bus to itself", t -> JsonEdits.set(t, "/grid/branches/0/toBus", 1),
            400, "bad-request", "#/grid/branches/0/toBus", "same-bus"),
        bad("missing value", t -> JsonEdits.remove(t, "/grid/branches/9/xPu"),
            400, "bad-request", "#/grid/branches/9/xPu", "required"),
        bad("zero-impedance branch",
            t -> JsonEdits.set(JsonEdits.set(t, "/grid/branches/2/rPu", 0), "/grid/branches/2/xPu", 0),
            400, "bad-request", "#/grid/branches/2/xPu", "zero-impedance"),
        bad("unknown bus type", t -> JsonEdits.set(t, "/grid/buses/3/type", "load"),
            400, "bad-request", "#/grid/buses/3/type", "enum"),
        bad("iteration limit out of range", t -> JsonEdits.set(t, "/options/maxIterations", 1000),
            400, "bad-request", "#/options/maxIterations", "maximum"));
  }

  private static Arguments bad(String name, UnaryOperator<Object> edit, int status,
      String problemCode, String pointer, String errorCode) {
    return Arguments.of(name, edit, status, problemCode, pointer, errorCode);
  }

  @ParameterizedTest(name = "{0} -> {2} {5} at {4}")
  @MethodSource("badGrids")
  @SuppressWarnings("unchecked")
  void answersEachBadGridWithItsProblem(String name, UnaryOperator<Object> edit, int status,
      String problemCode, String pointer, String errorCode) {
    byte[] body = SognoJson.defaults().write(edit.apply(Ieee14.requestTree()));

    Response answer = client.postJson("/v1/powerflows", body);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("Location")).isNull();
    Map<String, Object> problem = answer.json();
    assertThat(problem.get("status")).isEqualTo(status);
    assertThat(problem.get("code")).isEqualTo(problemCode);
    assertThat((String) problem.get("detail")).isNotBlank();
    assertThat(problem.get("requestId")).isEqualTo(answer.header("X-Request-ID"));
    List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.get("pointer")).isEqualTo(pointer);
      assertThat(error.get("code")).isEqualTo(errorCode);
      assertThat((String) error.get("detail")).isNotBlank();
    });
  }
}
