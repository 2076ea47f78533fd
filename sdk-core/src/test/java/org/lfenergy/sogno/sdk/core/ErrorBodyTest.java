package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error body a platform service may send ends up as a typed exception carrying a Problem. */
class ErrorBodyTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = SognoClient.builder().baseUrl(server.url("/").toString()).retry(RetryConfig.disabled())
        .circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  @Test
  void fileServiceErrorObjectGivesDetailAndKeepsTheStatus() {
    ApiException e = fail(404, "application/json", "{\"error\":{\"code\":404,\"message\":\"file 7 not found\"}}");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.problem().status()).isEqualTo(404);
    assertThat(e.problem().title()).isEqualTo("Not Found");
    assertThat(e.problem().detail()).isEqualTo("file 7 not found");
    assertThat(e.problem().code()).isNull();
  }

  @Test
  void fileServiceTextualCodeBecomesTheProblemCode() {
    ApiException e = fail(409, "application/json", "{\"error\":{\"code\":\"FILE_LOCKED\",\"message\":\"locked\"}}");

    assertThat(e.problem().code()).isEqualTo("FILE_LOCKED");
    assertThat(e.problem().detail()).isEqualTo("locked");
  }

  @Test
  void dpsimErrGivesDetail() {
    ApiException e = fail(400, "application/json", "{\"err\":\"model_id is missing\"}");

    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.problem().detail()).isEqualTo("model_id is missing");
  }

  @Test
  void fastApiDetailStringGivesDetail() {
    ApiException e = fail(403, "application/json", "{\"detail\":\"Not authenticated\"}");

    assertThat(e).isInstanceOf(ForbiddenException.class);
    assertThat(e.problem().detail()).isEqualTo("Not authenticated");
  }

  @Test
  void fastApiValidationListBecomesFieldErrorsWithPointers() {
    ApiException e = fail(422, "application/json", "{\"detail\":["
        + "{\"loc\":[\"body\",\"buses\",0,\"voltage\"],\"msg\":\"ensure this value is greater than 0\",\"type\":\"value_error\"},"
        + "{\"loc\":[\"query\",\"page\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}");

    assertThat(e).isInstanceOf(UnprocessableEntityException.class);
    assertThat(e.problem().code()).isEqualTo("validation-failed");
    assertThat(e.problem().errors()).containsExactly(
        new Problem.FieldError("#/buses/0/voltage", "ensure this value is greater than 0", "value_error"),
        new Problem.FieldError("#/query/page", "value is not a valid integer", "type_error.integer"));
  }

  @Test
  void plainMessageGivesDetailAndOtherMembersAreKept() {
    ApiException e = fail(500, "application/json", "{\"message\":\"boom\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"path\":\"/x\"}");

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(e.problem().detail()).isEqualTo("boom");
    assertThat(e.problem().extensions()).containsEntry("timestamp", "2026-01-01T00:00:00Z").containsEntry("path", "/x");
  }

  @Test
  void unknownProblemMembersArePreserved() {
    ApiException e = fail(409, Problem.MEDIA_TYPE, "{\"type\":\"https://sogno-platform.github.io/problems/job-not-finished\","
        + "\"title\":\"Conflict\",\"status\":409,\"code\":\"job-not-finished\",\"jobStatus\":\"running\",\"progress\":{\"percent\":40}}");

    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.problem().code()).isEqualTo("job-not-finished");
    assertThat(e.problem().extensions()).containsEntry("jobStatus", "running").containsEntry("progress", Map.of("percent", 40));
  }

  @Test
  void htmlBodyGivesAProblemFromTheStatusLine() {
    ApiException e = fail(502, "text/html", "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");

    assertThat(e.problem()).isEqualTo(Problem.of(502));
    assertThat(e.rawBody()).contains("nginx");
  }

  @Test
  void emptyBodyGivesAProblemFromTheStatusLine() {
    ApiException e = fail(401, null, "");

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(e.problem()).isEqualTo(Problem.of(401));
    assertThat(e.rawBody()).isEmpty();
  }

  @Test
  void binaryBodyGivesAProblemFromTheStatusLine() {
    Buffer binary = new Buffer().write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe});
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "image/png").body(binary).build());

    ApiException e = call();

    assertThat(e.problem()).isEqualTo(Problem.of(400));
    assertThat(e.rawBodyBytes()).hasSize(8);
  }

  @Test
  void malformedJsonWithAJsonContentTypeGivesAProblemNotAParseException() {
    ApiException e = fail(500, "application/json", "{\"detail\": \"unterminated");

    assertThat(e.problem()).isEqualTo(Problem.of(500));
  }

  @Test
  void shortPlainTextBecomesTheDetail() {
    ApiException e = fail(429, "text/plain; charset=utf-8", "rate limit exceeded\n");

    assertThat(e).isInstanceOf(TooManyRequestsException.class);
    assertThat(e.problem().detail()).isEqualTo("rate limit exceeded");
  }

  @Test
  void aTwoMegabyteErrorBodyIsCappedAndNotParsed() {
    String huge = "{\"detail\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    ApiException e = fail(500, "application/json", huge);

    assertThat(e.problem()).isEqualTo(Problem.of(500));
    assertThat(e.rawBodyBytes()).hasSize(ApiException.MAX_RAW_BODY_BYTES);
    assertThat(e.rawBodyTruncated()).isTrue();
    assertThat(e.getMessage()).hasSizeLessThan(500);
  }

  @Test
  void aLongDetailIsKeptInTheProblemButCutInTheMessage() {
    String detail = "d".repeat(100_000);

    ApiException e = fail(400, "application/json", "{\"detail\":\"" + detail + "\"}");

    assertThat(e.problem().detail()).isEqualTo(detail);
    assertThat(e.getMessage()).hasSizeLessThan(1200).contains("d".repeat(1000) + "…");
  }

  @Test
  void aStatusOnlyTheProblemStatesIsFilledFromTheResponse() {
    ApiException e = fail(418, Problem.MEDIA_TYPE, "{\"title\":\"I'm a teapot\"}");

    assertThat(e).isExactlyInstanceOf(ApiException.class);
    assertThat(e.problem().status()).isEqualTo(418);
    assertThat(e.problem().title()).isEqualTo("I'm a teapot");
  }

  @Test
  void exceptionTypeFollowsTheStatus() {
    Map<Integer, Class<? extends ApiException>> expected = Map.of(400, BadRequestException.class, 401,
        UnauthorizedException.class, 403, ForbiddenException.class, 404, NotFoundException.class, 409,
        ConflictException.class, 422, UnprocessableEntityException.class, 429, TooManyRequestsException.class, 500,
        ServerErrorException.class, 503, ServiceUnavailableException.class, 410, ApiException.class);

    expected.forEach((status, type) -> assertThat(ApiException.from(Problem.of(status))).as("status %d", status)
        .isExactlyInstanceOf(type));
    assertThat(ApiException.from(Problem.builder().title("no status").build()).status()).isEqualTo(500);
    assertThat(ServerErrorException.class).isAssignableFrom(ServiceUnavailableException.class);
  }

  private ApiException fail(int status, String contentType, String body) {
    MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
    if (contentType != null) {
      response.setHeader("Content-Type", contentType);
    }
    server.enqueue(response.build());
    return call();
  }

  private ApiException call() {
    return catchThrowableOfType(ApiException.class,
        () -> client.execute(ApiRequest.builder("GET", "/v1/thing").build(), ResponseReader.discarding()));
  }
}
