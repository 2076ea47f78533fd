package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * What each unreadable, unroutable or oversized request gets, over a socket on both adapters; after
 * each, the server still answers.
 */
class BadInputOverSocketTest extends BothAdapters {
  private static final String VALID = "{\"name\":\"anvil\",\"weightKg\":1,\"color\":\"red\"}";

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void malformedJsonIsABadRequest(Adapter adapter) {
    assertMalformed(http(adapter).postJson("/v1/things", "{\"name\": \"anvil\","));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void trailingGarbageAfterTheDocumentIsABadRequest(Adapter adapter) {
    assertMalformed(http(adapter).postJson("/v1/things", VALID + " {}"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void fiveThousandDeepNestingIsABadRequest(Adapter adapter) {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);

    assertMalformed(http(adapter).postJson("/v1/things", "{\"name\":" + deep + "}"));
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aWrongContentTypeIsUnsupported(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).send("POST", "/v1/things", VALID, "Content-Type", "text/plain");

    assertProblem(response, 415, "unsupported-media-type");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aBodyWithoutContentTypeIsUnsupported(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).send("POST", "/v1/things", VALID);

    assertProblem(response, 415, "unsupported-media-type");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anUnsatisfiableAcceptIsNotAcceptable(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/things", "Accept", "text/csv");

    assertProblem(response, 406, "not-acceptable");
    assertThat(http(adapter).get("/v1/things", "Accept", "text/csv, application/*;q=0.5").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anUnknownPathIsNotFound(Adapter adapter) {
    assertProblem(http(adapter).get("/v1/gadgets"), 404, "not-found");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aWrongMethodIsNotAllowedAndSaysWhatIs(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).send("PUT", "/v1/things", VALID, "Content-Type", "application/json");

    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD, POST");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aBodyOneByteOverTheLimitIsTooLarge(Adapter adapter) {
    String body = "{\"name\":\"" + "a".repeat(LIMIT - 10) + "\"}";
    assertThat(body.length()).isEqualTo(LIMIT + 1);

    assertProblem(http(adapter).postJson("/v1/things", body), 413, "content-too-large");
    assertStillServes(adapter);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aBodyExactlyAtTheLimitIsRead(Adapter adapter) {
    String body = "{\"name\":\"" + "a".repeat(LIMIT - 11) + "\"}";

    HttpResponse<byte[]> response = http(adapter).postJson("/v1/things", body);

    assertThat(response.statusCode()).isEqualTo(400); // read and validated: the name is too long
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer).contains("#/name");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aDeclaredBodyTwentyMegabytesOverTheLimitIsRefusedBeforeItIsSentAndTheConnectionClosed(Adapter adapter) {
    long length = LIMIT + 20L * 1024 * 1024;

    // Not a byte of the body is sent: the answer must come without it (nothing is read or buffered).
    String answer = http(adapter).raw("POST /v1/things HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
        + "\r\nContent-Length: " + length, 0, false);

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).containsIgnoringCase("connection: close").contains("content-too-large");
    assertStillServes(adapter);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aChunkedBodyIsCutOffOnceItPassesTheLimit(Adapter adapter) {
    // No last chunk: the server must answer once it has read past the limit, not wait for the end.
    String answer = http(adapter).raw("POST /v1/things HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
        + "\r\nTransfer-Encoding: chunked", LIMIT + 8 * 1024, true);

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("content-too-large");
    assertStillServes(adapter);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void anAsteriskRequestTargetIsRefusedAndTheServerGoesOn(Adapter adapter) {
    String answer = http(adapter).raw("OPTIONS * HTTP/1.1\r\nHost: localhost", 0, false);

    assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*");
    assertStillServes(adapter);
  }

  private void assertStillServes(Adapter adapter) {
    assertThat(http(adapter).postJson("/v1/things", VALID).statusCode()).isEqualTo(201);
  }

  private static void assertMalformed(HttpResponse<byte[]> response) {
    assertProblem(response, 400, "malformed-body");
    assertThat(Http.problem(response).detail()).doesNotContain("jackson", "Jackson", "com.fasterxml");
    assertThat(Http.problem(response).errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("#", "malformed-body"));
  }

  static void assertProblem(HttpResponse<byte[]> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    Problem problem = Http.problem(response);
    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.code()).isEqualTo(code);
    assertThat(problem.type().toString()).isEqualTo(Problem.SDK_TYPE_PREFIX + code);
    assertThat(response.headers().allValues("X-Request-ID")).hasSize(1);
    assertThat(problem.requestId()).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
  }
}
