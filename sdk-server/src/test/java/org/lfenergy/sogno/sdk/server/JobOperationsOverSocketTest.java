package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lfenergy.sogno.sdk.server.BadInputOverSocketTest.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * An operation whose 202 response is the base spec's Job, wired to sdk-async's JobManager, and the
 * shared job paths, over a socket on both adapters.
 */
class JobOperationsOverSocketTest extends BothAdapters {

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void startsAJobWithLocationAndRetryAfterAndServesItsResult(Adapter adapter) {
    HttpResponse<byte[]> accepted = http(adapter).postJson("/v1/calculations", "{\"input\":21}", "X-Request-ID", "calc-1");

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.headers().allValues("X-Request-ID")).containsExactly("calc-1");
    assertThat(accepted.headers().firstValue("Retry-After")).isPresent();
    String location = accepted.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/v1/jobs/");
    assertThat(Http.json(accepted)).containsEntry("kind", "calculation");

    await().atMost(Duration.ofSeconds(10)).until(() -> Http.json(http(adapter).get(location)).get("status").equals("succeeded"));
    HttpResponse<byte[]> result = http(adapter).get(location + "/result");
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(Http.json(result)).isEqualTo(Map.of("output", 42));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void answersTheTerminalJobWhenItEndsWithinPreferWait(Adapter adapter) {
    HttpResponse<byte[]> done = http(adapter).postJson("/v1/calculations", "{\"input\":1}", "Prefer", "wait=10");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Preference-Applied")).hasValue("wait=10");
    assertThat(Http.json(done)).containsEntry("status", "succeeded");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void theSameIdempotencyKeyWithAnotherBodyIsRefused(Adapter adapter) {
    String key = "key-" + adapter;
    HttpResponse<byte[]> first = http(adapter).postJson("/v1/calculations", "{\"input\":1}", "Idempotency-Key", key);
    HttpResponse<byte[]> again = http(adapter).postJson("/v1/calculations", "{\"input\":1}", "Idempotency-Key", key);
    HttpResponse<byte[]> other = http(adapter).postJson("/v1/calculations", "{\"input\":2}", "Idempotency-Key", key);

    assertThat(Http.json(again).get("id")).isEqualTo(Http.json(first).get("id"));
    assertProblem(other, 422, "idempotency-key-reused");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anUnknownJobIsNotFoundInTheSdkVocabularyWithOneRequestId(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/jobs/3f0e6f3c-1d2b-4c5a-9e8f-0a1b2c3d4e5f", "X-Request-ID", "r-1");

    assertProblem(response, 404, "job-not-found");
    assertThat(response.headers().allValues("X-Request-ID")).containsExactly("r-1");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aJobIdThatIsNoUuidIsRefusedByTheBaseSpec(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/jobs/not-a-uuid");

    assertProblem(response, 400, "bad-request");
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer).containsExactly("#/path/jobId");
  }
}
