package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.core.Problem;

/** {@link JobManager#close()} drains: refuse, let running jobs finish within the grace, cancel the rest. */
class JobManagerDrainTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private JobManager manager;

  @AfterEach
  void stop() {
    release.countDown();
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void runningJobsFinishWithinTheGraceWhileNewOnesAreRefused() throws Exception {
    manager = JobManager.builder().config(JobManagerConfig.builder().workers(1).drainGrace(Duration.ofMinutes(1))
        .queueFullRetryAfter(Duration.ofSeconds(7)).build()).build();
    Job running = manager.submit(JobSubmission.builder("test").build(), ctx -> {
      release.await();
      return "finished";
    });
    Job queued = manager.submit(JobSubmission.builder("test").build(), ctx -> "never started");
    await().until(() -> manager.get(running.id(), null).status().equals(JobStatus.RUNNING));

    Thread closing = new Thread(manager::close);
    closing.start();
    await().until(() -> refusal() != null);
    JobManagerException refused = refusal();
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(manager.get(queued.id(), null).status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(manager.get(running.id(), null).status()).isEqualTo(JobStatus.RUNNING);

    release.countDown();
    closing.join();
    assertThat(manager.get(running.id(), null).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(manager.result(running.id(), null).body()).asString().isEqualTo("\"finished\"");
  }

  @Test
  void aDrainingManagerAnswersSubmissionsWithA503ProblemAndRetryAfter() throws Exception {
    manager = JobManager.builder().config(JobManagerConfig.builder().queueFullRetryAfter(Duration.ofSeconds(7))
        .build()).build();
    manager.close();

    ServerResponse answer = JobEndpoints.of(manager)
        .submit(ServerRequest.builder("POST", "/v1/things").build(), "test", ctx -> "late")
        .get(30, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.header("Retry-After")).contains("7");
    assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"status\":503");
  }

  @Test
  void jobsStillRunningAfterTheGraceAreCancelled() {
    manager = JobManager.builder().config(JobManagerConfig.builder().workers(1)
        .drainGrace(Duration.ofMillis(100)).build()).build();
    Job stuck = manager.submit(JobSubmission.builder("test").build(), ctx -> {
      release.await();
      return "finished";
    });
    await().until(() -> manager.get(stuck.id(), null).status().equals(JobStatus.RUNNING));

    manager.close();

    assertThat(manager.get(stuck.id(), null).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void drainGraceIsConfigurableAndNeverNegative() {
    assertThat(JobManagerConfig.defaults().drainGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(JobManagerConfig.builder().drainGrace(Duration.ZERO).build().toBuilder().build().drainGrace())
        .isZero();
    assertThatThrownBy(() -> JobManagerConfig.builder().drainGrace(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drainGrace");
  }

  private JobManagerException refusal() {
    try {
      manager.submit(JobSubmission.builder("test").build(), ctx -> "late");
      return null;
    } catch (JobManagerException e) {
      return e;
    }
  }
}
