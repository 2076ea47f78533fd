package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {
  private final SognoJson json = SognoJson.defaults();

  @Test
  void unknownMembersSurviveARoundTrip() {
    String body = "{\"type\":\"https://example.org/out-of-credit\",\"title\":\"You do not have enough credit.\","
        + "\"status\":403,\"detail\":\"Your balance is 30.\",\"instance\":\"/account/12345/msgs/abc\","
        + "\"balance\":30,\"accounts\":[\"/account/12345\",\"/account/67890\"],\"nested\":{\"a\":true}}";

    Problem problem = json.read(body, Problem.class);

    assertThat(problem.type()).isEqualTo(URI.create("https://example.org/out-of-credit"));
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.instance()).isEqualTo(URI.create("/account/12345/msgs/abc"));
    assertThat(problem.extensions()).containsEntry("balance", 30)
        .containsEntry("accounts", List.of("/account/12345", "/account/67890"))
        .containsEntry("nested", Map.of("a", true));
    assertThat(json.read(json.write(problem), Problem.class)).isEqualTo(problem);
    assertThat(json.readUntyped(json.write(problem))).isEqualTo(json.readUntyped(body.getBytes()));
  }

  @Test
  void readsTheSdkMembers() {
    String body = "{\"type\":\"https://sogno-platform.github.io/problems/validation-failed\",\"status\":422,"
        + "\"code\":\"validation-failed\",\"requestId\":\"r-1\","
        + "\"errors\":[{\"pointer\":\"#/voltage\",\"detail\":\"must be positive\",\"code\":\"positive\"}]}";

    Problem problem = json.read(body, Problem.class);

    assertThat(problem.code()).isEqualTo("validation-failed");
    assertThat(problem.requestId()).isEqualTo("r-1");
    assertThat(problem.errors()).containsExactly(new Problem.FieldError("#/voltage", "must be positive", "positive"));
    assertThat(problem.extensions()).isEmpty();
  }

  @Test
  void typeDefaultsToAboutBlankAndOfUsesTheReasonPhrase() {
    Problem problem = Problem.of(404);

    assertThat(problem.type()).isEqualTo(Problem.ABOUT_BLANK);
    assertThat(problem.title()).isEqualTo("Not Found");
    assertThat(json.read("{\"title\":\"x\"}", Problem.class).type()).isEqualTo(Problem.ABOUT_BLANK);
  }

  @Test
  void toleratesWronglyTypedStandardMembers() {
    Problem problem = json.read("{\"status\":\"409\",\"type\":\"not a uri\",\"title\":7,\"errors\":\"oops\"}", Problem.class);

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.type()).isEqualTo(Problem.ABOUT_BLANK);
    assertThat(problem.title()).isEqualTo("7");
    assertThat(problem.errors()).isEmpty();
  }

  @Test
  void reservedNamesCannotBeExtensions() {
    assertThatThrownBy(() -> Problem.builder().extension("status", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProblemMustBeAJsonObject() {
    assertThatThrownBy(() -> json.read("[1]", Problem.class)).isInstanceOf(JsonException.class);
  }
}
