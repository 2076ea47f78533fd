package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Backoff;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.ResponseInfo;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** Creating handles: where the job is, before any request is sent. */
class JobHandleTest {
  private final SognoClient client = SognoClient.builder().baseUrl("https://grid.example/api/powerflow").build();
  private static final URI REQUEST = URI.create("https://grid.example/api/powerflow/v1/powerflows");

  private static ApiResponse<Object> accepted(String location, Object body) {
    ResponseInfo.Builder info = ResponseInfo.builder().status(202).method("POST").uri(REQUEST);
    if (location != null) {
      info.header("Location", location);
    }
    return new ApiResponse<>(info.build(), body);
  }

  @Test
  void locationIsResolvedAgainstTheRequestUrlWhetherRelativeOrAbsolute() {
    assertThat(JobHandle.fromResponse(client, accepted("jobs/7", null), ResponseReader.discarding()).location())
        .isEqualTo(URI.create("https://grid.example/api/powerflow/v1/jobs/7"));
    assertThat(JobHandle.fromResponse(client, accepted("/v1/jobs/7", null), ResponseReader.discarding()).location())
        .isEqualTo(URI.create("https://grid.example/v1/jobs/7"));
    assertThat(JobHandle.fromResponse(client, accepted("https://jobs.example/v1/jobs/7", null), ResponseReader.discarding())
        .jobId()).isEqualTo("7");
  }

  @Test
  void withoutLocationTheJobsSelfLinkIsUsedAndWithNeitherTheResponseIsRefused() {
    Job job = Job.builder("9", JobStatus.QUEUED).link(Job.SELF, Link.of("../jobs/9")).build();

    JobHandle<Void> handle = JobHandle.fromResponse(client, accepted(null, job), ResponseReader.discarding());

    assertThat(handle.location()).isEqualTo(URI.create("https://grid.example/api/powerflow/jobs/9"));
    assertThat(handle.lastKnown()).contains(job);
    assertThatThrownBy(() -> JobHandle.fromResponse(client, accepted(null, "not a job"), ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no job");
  }

  @Test
  void jobIdIsPercentEncodedIntoTheBaseUrl() {
    JobHandle<Void> handle = JobHandle.forJobId(client, "a/b c", ResponseReader.discarding());

    assertThat(handle.location().toString()).isEqualTo("https://grid.example/api/powerflow/v1/jobs/a%2Fb%20c");
    assertThatThrownBy(() -> JobHandle.forJobId(client, "", ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobHandle.forLocation(client, URI.create("/v1/jobs/1"), ResponseReader.discarding()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHandleOfAFinishedFailedJobFailsWithoutAnyRequest() {
    Job failed = Job.builder("f", JobStatus.FAILED).build();
    JobHandle<Void> handle = JobHandle.fromResponse(client, accepted("/v1/jobs/f", failed), ResponseReader.discarding());

    assertThatThrownBy(() -> handle.waitForCompletion(Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> assertThat(e.problem().status()).isEqualTo(500));
  }

  @Test
  void pollingConfigRejectsNonsense() {
    Backoff noTime = PollingConfig.DEFAULT_BACKOFF.toBuilder().maxTotalTime(Duration.ZERO).build();
    assertThatThrownBy(() -> PollingConfig.builder().backoff(noTime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTotalTime");
    assertThatThrownBy(() -> PollingConfig.builder().backoff(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PollingConfig.builder().longPollWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longPollWait");
  }
}
