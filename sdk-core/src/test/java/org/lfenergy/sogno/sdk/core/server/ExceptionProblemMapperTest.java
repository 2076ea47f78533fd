package org.lfenergy.sogno.sdk.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.CircuitOpenException;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.RequestTimeoutException;
import org.lfenergy.sogno.sdk.core.TransportException;
import org.junit.jupiter.api.Test;

class ExceptionProblemMapperTest {
  private final ExceptionProblemMapper mapper = ExceptionProblemMapper.defaults();

  @Test
  void unexpectedExceptionsGiveAGeneric500WithoutStackTraceOrMessage() {
    IllegalStateException failure = new IllegalStateException("jdbc:postgresql://db:5432 password=hunter2");

    ProblemResponse response = mapper.toResponse(failure, "req-1");

    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.problem().code()).isEqualTo("internal-error");
    assertThat(response.problem().requestId()).isEqualTo("req-1");
    assertThat(body).doesNotContain("hunter2", "postgresql", "IllegalStateException", "java.", "\tat ", "Exception");
  }

  @Test
  void problemExceptionsAreSentAsTheServiceChoseThem() {
    ProblemResponse chosen = Problems.conflict("job-already-finished", "Job 42 already succeeded.");

    ProblemResponse response = mapper.toResponse(new ProblemException(chosen), "req-2");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.problem().detail()).isEqualTo("Job 42 already succeeded.");
    assertThat(response.problem().requestId()).isEqualTo("req-2");
  }

  @Test
  void downstreamFailuresMapToGatewayProblemsWithoutTheirDetails() {
    ApiException downstream = ApiException.from(Problem.builder().status(404).detail("secret internal path /srv/x").build());

    assertThat(mapper.toResponse(downstream, null).status()).isEqualTo(502);
    assertThat(new String(mapper.toResponse(downstream, null).body(), StandardCharsets.UTF_8)).doesNotContain("/srv/x");
    assertThat(mapper.toResponse(ApiException.from(Problem.of(503)), null).status()).isEqualTo(503);
    assertThat(mapper.toResponse(new CircuitOpenException("db:5432", null), null).problem().code()).isEqualTo("upstream-unavailable");
    assertThat(mapper.toResponse(new RequestTimeoutException("GET x timed out", null, null), null).status()).isEqualTo(504);
    assertThat(mapper.toResponse(new TransportException("GET x failed", null, null), null).status()).isEqualTo(502);
  }

  @Test
  void malformedRequestJsonIsA400WithAFixedDetail() {
    ProblemResponse response = mapper.toResponse(new JsonException("Malformed JSON at line 1 column 7: secret-ish", null), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problem().detail()).isEqualTo("The request body is not valid JSON.");
  }

  @Test
  void customMappingsWinForTheirTypeAndSubtypes() {
    class QuotaExceeded extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    class DailyQuotaExceeded extends QuotaExceeded {
      private static final long serialVersionUID = 1L;
    }
    ExceptionProblemMapper custom = ExceptionProblemMapper.builder()
        .map(QuotaExceeded.class, e -> Problems.of(429, "quota-exceeded", "Quota exceeded."))
        .build();

    assertThat(custom.toResponse(new DailyQuotaExceeded(), null).problem().code()).isEqualTo("quota-exceeded");
    assertThat(custom.toResponse(new RuntimeException("x"), null).status()).isEqualTo(500);
    assertThat(custom.toResponse(new ProblemException(Problems.notFound("x")), null).headers().get("Content-Type"))
        .isEqualTo(List.of(Problem.MEDIA_TYPE));
  }
}
