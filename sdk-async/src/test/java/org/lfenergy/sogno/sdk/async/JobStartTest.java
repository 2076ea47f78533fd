package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.ResponseInfo;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** Handles of a dialect's jobs from the answer that started them, before any request is sent. */
class JobStartTest {
  private final SognoClient client = SognoClient.builder().baseUrl("https://grid.example/pgm").build();
  private static final URI REQUEST = URI.create("https://grid.example/pgm/pgm_powerflow/");

  /** What a generated client may have read the 200 into. */
  record PowerflowJob(String id, String status, String details) {}

  private static ApiResponse<Object> ok(Object body) {
    return new ApiResponse<>(ResponseInfo.builder().status(200).method("POST").uri(REQUEST).build(), body);
  }

  private JobHandle<Void> handle(Object body) {
    return JobHandle.fromResponse(client, ok(body), ResponseReader.discarding(), JobDialects.pgmService());
  }

  @Test
  void theBodyMayBeBytesAnUntypedDocumentOrAnyObjectTheJsonWrites() {
    String json = "{\"id\":\"6571c2\",\"status\":\"running\",\"details\":null}";

    for (Object body : new Object[] {
        json.getBytes(StandardCharsets.UTF_8), client.json().readUntyped(json.getBytes(StandardCharsets.UTF_8)),
        new PowerflowJob("6571c2", "running", null)}) {
      JobHandle<Void> job = handle(body);
      assertThat(job.location()).isEqualTo(URI.create("https://grid.example/pgm/pgm_powerflow/6571c2"));
      assertThat(job.jobId()).isEqualTo("6571c2");
      assertThat(job.lastKnown()).hasValueSatisfying(seen -> assertThat(seen.status()).isEqualTo(JobStatus.RUNNING));
    }
  }

  @Test
  void anAnswerThatNamesNoJobIsRefusedSayingWhatWasLookedFor() {
    assertThatThrownBy(() -> handle(Map.of("status", "created")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The 200 response names no job: job dialect pgm-service looked for a Location header, an id at /id");
    assertThatThrownBy(() -> handle(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIdOfTheWrongTypeIsATypedErrorNamingTheMember() {
    assertThatThrownBy(() -> handle(Map.of("id", true, "status", "created")))
        .isInstanceOf(JsonException.class).hasMessageContaining("/id").hasMessageContaining("pgm-service");
  }

  @Test
  void aLocationHeaderWinsOverTheIdWhenTheDialectTriesItFirst() {
    ApiResponse<Object> answer = new ApiResponse<>(ResponseInfo.builder().status(202).method("POST").uri(REQUEST)
        .header("Location", "/pgm/jobs/99").build(), Map.of("id", "6571c2", "status", "created"));

    JobHandle<Void> job = JobHandle.fromResponse(client, answer, ResponseReader.discarding(), JobDialects.pgmService());

    assertThat(job.location()).isEqualTo(URI.create("https://grid.example/pgm/jobs/99"));
    assertThat(job.jobId()).as("the body's id").isEqualTo("6571c2");
  }
}
