package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.async.testing.JobServers;
import org.lfenergy.sogno.sdk.async.testing.TestJobServer;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

class JobHandleEndToEndTest {
  record Sum(int total) {}

  private static final PollingConfig FAST_POLLS =
      PollingConfig.builder().backoff(PollingConfig.DEFAULT_BACKOFF.toBuilder()
          .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200)).build()).build();

  @RegisterExtension final JobServers servers = new JobServers();
  private TestJobServer server;

  private static ApiRequest task(Object body) {
    return ApiRequest.builder("POST", TestJobServer.TASKS).jsonBody(body).build();
  }

  @Test
  void succeededJobDeliversItsTypedResultAndReportsProgressOnTheWay() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      ctx.progress(50, "half way");
      servers.awaitRelease();
      return new Sum(42);
    });
    SognoClient client = server.client("alice");
    List<Job> updates = new CopyOnWriteArrayList<>();

    JobHandle<Sum> job = JobHandle.start(client, task(Map.of("a", 40, "b", 2)), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS)
        .withUpdateListener(updates::add);

    assertThat(job.location()).isEqualTo(server.baseUrl().resolve("/v1/jobs/" + job.jobId()));
    await().atMost(Duration.ofSeconds(30)).until(() -> job.poll().progress().flatMap(JobProgress::percent).orElse(0) == 50);
    servers.release();

    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(new Sum(42));
    assertThat(job.lastKnown()).hasValueSatisfying(last -> assertThat(last.status()).isEqualTo(JobStatus.SUCCEEDED));
    assertThat(updates).extracting(Job::status).contains(JobStatus.RUNNING, JobStatus.SUCCEEDED);
    assertThat(updates).anySatisfy(update -> assertThat(update.progress()).contains(JobProgress.of(50, "half way")));
  }

  @Test
  void failedJobSurfacesTheJobsOwnProblemInATypedException() throws Exception {
    Problem diverged = Problem.builder().code("power-flow-diverged").status(422).title("Power flow diverged")
        .detail("No convergence after 20 iterations").build();
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      throw new JobFailureException(diverged);
    });

    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS);

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("power-flow-diverged");
          assertThat(e.problem().detail()).isEqualTo("No convergence after 20 iterations");
          assertThat(e.job()).hasValueSatisfying(failed -> assertThat(failed.status()).isEqualTo(JobStatus.FAILED));
        });
  }

  @Test
  void unexpectedExceptionFailsTheJobWithAGenericProblemThatLeaksNothing() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      throw new IllegalStateException("password=hunter2 at db-7");
    });

    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS);

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(JobFailedException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("job-failed");
          assertThat(e.problem().status()).isEqualTo(500);
          assertThat(e.problem().toString() + e.getMessage()).doesNotContain("hunter2").doesNotContain("db-7");
        });
  }

  @Test
  void cancellingARunningJobInterruptsItsWorkAndEndsItCancelled() throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      try {
        servers.awaitRelease(); // blocks until interrupted
        return new Sum(0);
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      }
    });
    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS);
    await().atMost(Duration.ofSeconds(30)).until(() -> job.poll().status().equals(JobStatus.RUNNING));

    Job afterRequest = job.cancel();

    assertThat(afterRequest.status()).isIn(JobStatus.RUNNING, JobStatus.CANCELLED);
    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(JobCancelledException.class);
    assertThat(interrupted).isTrue();
  }

  @Test
  void cooperativeWorkStopsAtItsNextCancellationCheckWhenInterruptsAreOff() throws Exception {
    AtomicInteger iterations = new AtomicInteger();
    JobManagerConfig noInterrupts = JobManagerConfig.builder().interruptOnCancel(false).build();
    server = servers.start(noInterrupts, TrustedProxies.none(), request -> ctx -> {
      while (true) {
        ctx.throwIfCancellationRequested();
        ctx.progress(Math.min(99, iterations.incrementAndGet()), null);
        servers.awaitRelease(5, TimeUnit.MILLISECONDS);
      }
    });
    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS);
    await().atMost(Duration.ofSeconds(30)).until(() -> iterations.get() > 3);

    job.cancel();

    assertThat(job.awaitTerminal(Duration.ofSeconds(30)).status()).isEqualTo(JobStatus.CANCELLED);
    assertThatThrownBy(job::result).hasMessageContaining("job-not-succeeded");
  }

  @Test
  void cancellingAFinishedJobReturnsItAsItEnded() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> new Sum(1));
    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS);
    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(new Sum(1));

    assertThat(job.cancel().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void clientTimeoutThrowsJobTimeoutExceptionAndLeavesTheJobRunning() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      servers.awaitRelease();
      return new Sum(7);
    });
    JobHandle<Sum> job = JobHandle.start(server.client("alice"), task(Map.of()), ResponseReader.json(Sum.class))
        .withPolling(FAST_POLLS.toBuilder().longPollWait(Duration.ofSeconds(1)).build());

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofMillis(1500)))
        .isInstanceOfSatisfying(JobTimeoutException.class, e -> {
          assertThat(e.timeout()).isEqualTo(Duration.ofMillis(1500));
          assertThat(e.jobId()).isEqualTo(job.jobId());
        });
    assertThat(server.manager().get(job.jobId(), "alice").isTerminal()).isFalse();

    servers.release();
    assertThat(job.waitForCompletion(Duration.ofSeconds(30))).isEqualTo(new Sum(7));
  }

  @Test
  void serverRestartedWithAnInMemoryStoreGivesATypedJobNotFoundInsteadOfAHang() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> {
      servers.awaitRelease();
      return new Sum(1);
    });
    SognoClient client = server.client("alice");
    JobHandle<Sum> job = JobHandle.start(client, task(Map.of()), ResponseReader.json(Sum.class));
    int port = server.port();
    server.close();
    server = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> servers.startOn(port, JobManagerConfig.defaults(), request -> ctx -> null), s -> true);

    assertThatThrownBy(() -> job.waitForCompletion(Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(JobNotFoundException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("job-not-found");
          assertThat(e.problem().status()).isEqualTo(404);
          assertThat(e.jobId()).isEqualTo(job.jobId());
        });
  }

  @Test
  void handleForAJobIdResumesWaitingOnAJobStartedElsewhere() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> new Sum(5));
    SognoClient client = server.client("alice");
    String id = JobHandle.start(client, task(Map.of()), ResponseReader.json(Sum.class)).jobId();

    JobHandle<Sum> resumed = JobHandle.forJobId(client, id, ResponseReader.json(Sum.class));

    assertThat(resumed.toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(new Sum(5));
  }

  @Test
  void handleForAnUnknownJobIdFailsWithJobNotFound() throws Exception {
    server = servers.start(JobManagerConfig.defaults(), TrustedProxies.none(), request -> ctx -> null);

    JobHandle<Sum> unknown = JobHandle.forJobId(server.client("alice"), "no-such-job", ResponseReader.json(Sum.class));

    assertThatThrownBy(unknown::poll).isInstanceOf(JobNotFoundException.class);
    assertThatThrownBy(() -> unknown.waitForCompletion(Duration.ofSeconds(30))).isInstanceOf(JobNotFoundException.class);
  }
}
