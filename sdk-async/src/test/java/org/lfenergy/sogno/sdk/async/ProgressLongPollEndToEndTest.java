package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.async.testing.JobServers;
import org.lfenergy.sogno.sdk.async.testing.TestJobServer;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;

/** Long polls answered on progress: a waiting client sees a job's progress, over loopback HTTP. */
class ProgressLongPollEndToEndTest {
  @RegisterExtension final JobServers servers = new JobServers();

  @Test
  void aClientWaitingWithDefaultOptionsSeesIntermediateProgressOfAJobOfTwoAndAHalfSeconds() throws Exception {
    TestJobServer server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      for (int step = 1; step <= 5; step++) {
        Thread.sleep(500);
        ctx.progress(step * 20 - 10, "step " + step);
      }
      return "done";
    });
    List<Job> seen = new CopyOnWriteArrayList<>();

    JobHandle<String> job = JobHandle.start(server.client("alice"),
            ApiRequest.builder("POST", TestJobServer.TASKS).jsonBody(Map.of()).build(), ResponseReader.json(String.class))
        .withUpdateListener(seen::add);
    assertThat(job.polling()).isEqualTo(PollingConfig.defaults());

    assertThat(job.waitForCompletion(Duration.ofSeconds(60))).isEqualTo("done");
    assertThat(seen)
        .as("updates the client saw while the job ran")
        .anySatisfy(update -> {
          assertThat(update.status()).isEqualTo(JobStatus.RUNNING);
          assertThat(update.progress().flatMap(JobProgress::percent)).hasValueSatisfying(percent -> assertThat(percent).isBetween(10, 90));
        });
    assertThat(server.requests())
        .filteredOn(request -> request.method().equals("GET") && !request.path().endsWith("/result"))
        .allSatisfy(poll -> assertThat(poll.hasHeader("Prefer")).as("a long poll").isTrue());
  }

  @Test
  void aJobReportingProgressEveryFewMillisecondsIsNotPolledInAStorm() throws Exception {
    TestJobServer server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      for (int step = 1; step <= 500; step++) {
        Thread.sleep(5);
        ctx.progress(step / 5, "step " + step);
      }
      return "done";
    });

    JobHandle<String> job = JobHandle.start(server.client("alice"),
        ApiRequest.builder("POST", TestJobServer.TASKS).jsonBody(Map.of()).build(), ResponseReader.json(String.class));

    assertThat(job.waitForCompletion(Duration.ofSeconds(60))).isEqualTo("done");
    long polls = server.requests().stream()
        .filter(request -> request.method().equals("GET") && request.path().equals("/v1/jobs/" + job.jobId())).count();
    assertThat(polls).as("about one poll per Retry-After (1 s) while progress changes faster than that, not one per change")
        .isLessThan(25);
  }
}
