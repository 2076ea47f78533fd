package org.lfenergy.sogno.sdk.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private final SognoJson json = SognoJson.defaults();

  @Test
  void validationFailedListsFieldErrorsWithPointers() {
    ProblemResponse response = Problems.validationFailed(List.of(
        new Problem.FieldError("#/buses/0/voltage", "must be positive", "positive"),
        Problem.FieldError.of("#/query/page", "must be a number")));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.headers()).containsEntry("Content-Type", List.of("application/problem+json"));
    assertThat(json.readUntyped(response.body())).isEqualTo(Map.of(
        "type", "https://sogno-platform.github.io/problems/validation-failed",
        "title", "Unprocessable Content",
        "status", 422,
        "detail", "2 fields are invalid.",
        "code", "validation-failed",
        "errors", List.of(
            Map.of("pointer", "#/buses/0/voltage", "detail", "must be positive", "code", "positive"),
            Map.of("pointer", "#/query/page", "detail", "must be a number"))));
  }

  @Test
  void notFoundAndConflictCarryTheirCodes() {
    assertThat(Problems.notFound("job-not-found", "No job 42").problem())
        .satisfies(p -> {
          assertThat(p.status()).isEqualTo(404);
          assertThat(p.code()).isEqualTo("job-not-found");
          assertThat(p.type()).isEqualTo(URI.create("https://sogno-platform.github.io/problems/job-not-found"));
        });
    assertThat(Problems.conflict("job-not-finished", "still running").status()).isEqualTo(409);
  }

  @Test
  void rateLimitedAndQueueFullSendRetryAfterInWholeSeconds() {
    assertThat(Problems.rateLimited(Duration.ofMillis(1500)).headers()).containsEntry("Retry-After", List.of("2"));
    ProblemResponse queueFull = Problems.queueFull(Duration.ofSeconds(10));
    assertThat(queueFull.status()).isEqualTo(503);
    assertThat(queueFull.problem().code()).isEqualTo("queue-full");
    assertThat(queueFull.headers()).containsEntry("Retry-After", List.of("10"));
  }

  @Test
  void requestIdIsEchoedInBodyAndHeader() {
    ProblemResponse response = Problems.notFound("gone").withRequestId("req-7");

    assertThat(response.problem().requestId()).isEqualTo("req-7");
    assertThat(response.headers()).containsEntry("X-Request-ID", List.of("req-7"));
    assertThat(json.read(response.body(), Problem.class).requestId()).isEqualTo("req-7");
  }

  @Test
  void aResponseNeedsAStatus() {
    assertThatThrownBy(() -> ProblemResponse.of(Problem.builder().title("x").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
