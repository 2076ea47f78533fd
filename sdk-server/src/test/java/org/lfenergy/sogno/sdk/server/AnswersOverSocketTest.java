package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lfenergy.sogno.sdk.server.BadInputOverSocketTest.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.core.Problem;

/** Request ids, handler failures and off-spec answers, over a socket on both adapters. */
class AnswersOverSocketTest extends BothAdapters {

  @BeforeEach
  void forgetViolations() {
    service.violations.clear();
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void echoesAValidRequestIdExactlyOnce(Adapter adapter) {
    HttpResponse<byte[]> ok = http(adapter).get("/v1/things", "X-Request-ID", "req-42");
    HttpResponse<byte[]> problem = http(adapter).get("/v1/nothing", "X-Request-ID", "req-43");

    assertThat(ok.headers().allValues("X-Request-ID")).containsExactly("req-42");
    assertThat(problem.headers().allValues("X-Request-ID")).containsExactly("req-43");
    assertThat(Http.problem(problem).requestId()).isEqualTo("req-43");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void replacesAnOverLongOrInvisibleRequestIdInsteadOfEchoingIt(Adapter adapter) {
    for (String bad : List.of("r".repeat(201), "two words")) {
      HttpResponse<byte[]> response = http(adapter).get("/v1/things", "X-Request-ID", bad);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().allValues("X-Request-ID")).hasSize(1)
          .allSatisfy(id -> assertThat(id).isNotEqualTo(bad).matches("[0-9a-f-]{36}"));
    }
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aHandlerThatThrowsGetsAnInternalErrorThatRevealsNothing(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/things/broken");

    assertProblem(response, 500, "internal-error");
    assertThat(Http.text(response)).doesNotContain(ThingsService.SECRET, "IllegalStateException", "at org.");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anOffSpecAnswerIsCaughtWithOperationStatusAndPointers(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/things/" + ThingsService.OFF_SPEC_ID);

    assertProblem(response, 500, "internal-error");
    assertThat(service.violations).singleElement().satisfies(violation -> {
      assertThat(violation.operationId()).isEqualTo("getThing");
      assertThat(violation.status()).isEqualTo(200);
      assertThat(violation.errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
          .containsExactlyInAnyOrder(tuple("#/color", "required"), tuple("#/name", "type"));
      assertThat(violation.getMessage()).contains("getThing", "200", "#/name");
    });
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void headAnswersLikeGetWithoutABody(Adapter adapter) {
    HttpResponse<byte[]> head = http(adapter).send("HEAD", "/v1/things/3f0e6f3c-1d2b-4c5a-9e8f-0a1b2c3d4e5f", null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(head.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anOnSpecAnswerPassesResponseValidation(Adapter adapter) {
    HttpResponse<byte[]> thing = http(adapter).get("/v1/things/3f0e6f3c-1d2b-4c5a-9e8f-0a1b2c3d4e5f");
    HttpResponse<byte[]> deleted = http(adapter).send("DELETE", "/v1/things/3f0e6f3c-1d2b-4c5a-9e8f-0a1b2c3d4e5f", null);

    assertThat(thing.statusCode()).isEqualTo(200);
    assertThat(thing.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(service.violations).isEmpty();
  }
}
