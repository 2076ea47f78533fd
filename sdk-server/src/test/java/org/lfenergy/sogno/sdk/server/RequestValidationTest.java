package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.core.Problem;

/** Bodies and parameters against the spec, over a socket on both adapters: every violation at once. */
class RequestValidationTest extends BothAdapters {

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void acceptsAValidBodyAndHandsItToTheHandler(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"anvil\",\"weightKg\":12.5,\"color\":\"red\",\"madeAt\":\"2026-03-01T10:15:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Http.json(response)).containsEntry("name", "anvil").containsKey("id");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void reportsEveryViolationOfTheBodyAtOnceWithPointersAndCodes(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"Not-Lower\",\"weightKg\":\"heavy\",\"count\":101,\"madeAt\":\"yesterday\","
            + "\"tags\":[\"a\",\"b\",\"c\",\"d\"],\"extra\":1}");

    assertThat(response.statusCode()).isEqualTo(400);
    Problem problem = Http.problem(response);
    assertThat(problem.code()).isEqualTo("bad-request");
    assertThat(problem.type().toString()).isEqualTo("https://sogno-platform.github.io/problems/bad-request");
    assertThat(problem.errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("#/color", "required"),
            tuple("#/count", "maximum"),
            tuple("#/extra", "additional-properties"),
            tuple("#/madeAt", "format"),
            tuple("#/name", "pattern"),
            tuple("#/tags", "max-items"),
            tuple("#/weightKg", "type"));
    assertThat(problem.errors()).allSatisfy(error -> assertThat(error.detail()).isNotBlank());
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void refusesAnUnknownValueOfAClosedEnum(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"anvil\",\"weightKg\":1,\"color\":\"purple\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/color", "enum"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void acceptsAnUnknownValueOfAnExtensibleEnum(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"anvil\",\"weightKg\":1,\"color\":\"red\",\"finish\":\"brushed\"}");

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void refusesAnOverLongString(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"" + "a".repeat(21) + "\",\"weightKg\":1,\"color\":\"red\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/name", "max-length"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void refusesAMissingRequiredBody(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).send("POST", "/v1/things", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#", "required"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void checksQueryHeaderAndPathParametersWithTheirOwnPointers(Adapter adapter) {
    HttpResponse<byte[]> list = http(adapter).get("/v1/things?limit=abc&color=purple", "X-Tenant", "t".repeat(11));

    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(Http.problem(list).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("#/header/X-Tenant", "max-length"),
            tuple("#/query/color", "enum"),
            tuple("#/query/limit", "type"));

    HttpResponse<byte[]> tooSmall = http(adapter).get("/v1/things?limit=0");
    assertThat(Http.problem(tooSmall).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/query/limit", "minimum"));

    HttpResponse<byte[]> notUuid = http(adapter).get("/v1/things/not-a-uuid");
    assertThat(notUuid.statusCode()).isEqualTo(400);
    assertThat(Http.problem(notUuid).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/path/thingId", "format"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void passesValidParametersToTheHandler(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/things?limit=10&color=blue", "X-Tenant", "acme");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response)).containsEntry("tenant", "acme");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void refusesAnIdempotencyKeyLongerThanTheBaseSpecAllows(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"anvil\",\"weightKg\":1,\"color\":\"red\"}", "Idempotency-Key", "k".repeat(256));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/header/Idempotency-Key", "max-length"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aBadRequestIdOrTraceparentIsReplacedOrIgnoredNotRefused(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things",
        "{\"name\":\"anvil\",\"weightKg\":1,\"color\":\"red\"}",
        "X-Request-ID", "r".repeat(201), "traceparent", "not-a-trace");

    assertThat(response.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void picksTheOneOfBranchByDiscriminator(Adapter adapter) {
    HttpResponse<byte[]> square = http(adapter).postJson("/v1/shapes", "{\"kind\":\"square\",\"side\":3}");
    assertThat(square.statusCode()).isEqualTo(200);
    assertThat(Http.json(square)).containsEntry("area", 9.0);

    HttpResponse<byte[]> circleWithoutRadius = http(adapter).postJson("/v1/shapes", "{\"kind\":\"circle\",\"side\":3}");
    assertThat(circleWithoutRadius.statusCode()).isEqualTo(400);
    List<Problem.FieldError> errors = Http.problem(circleWithoutRadius).errors();
    assertThat(errors).extracting(Problem.FieldError::pointer).contains("#/radius");
    assertThat(errors).extracting(Problem.FieldError::pointer).doesNotContain("#/side");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void acceptsADiscriminatedOneOfNestedInAVariantOfItself(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/shapes", nestedGroup("{\"kind\":\"square\",\"side\":3}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response)).containsEntry("area", 13.0);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void pointsIntoTheNestedArrayElementThatFailsItsDiscriminatedBranch(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).postJson("/v1/shapes", nestedGroup("{\"kind\":\"circle\",\"side\":3}"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(tuple("#/members/1/members/0/radius", "required"));
  }

  /** A group of a 2×2 square and a group holding {@code innermost}: a Shape two levels inside a Shape. */
  private static String nestedGroup(String innermost) {
    return "{\"kind\":\"group\",\"members\":[{\"kind\":\"square\",\"side\":2},"
        + "{\"kind\":\"group\",\"members\":[" + innermost + "]}]}";
  }
}
