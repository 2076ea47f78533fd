package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsTest.Echo;
import org.lfenergy.sogno.sdk.async.kafka.internal.Transitions;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * The broker goes away (stopped) while replicas run: submissions are refused with a 503 problem
 * within the configured write timeout, the worker running a job does not hang on it (nor on the job
 * listeners, which publish job events to the same broker), and once the broker is back both the
 * interrupted job and new ones complete on that worker. Its own broker, as the test stops it.
 */
class BrokerUnreachableTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  private final Cluster cluster = new Cluster(kafka).tune(config -> config.writeTimeout(Duration.ofSeconds(1)));
  private EventPublisher publisher;

  @AfterEach
  void close() {
    if (!kafka.broker().isRunning()) {
      kafka.broker().start();
    }
    cluster.close();
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void submissionsFailWith503WithinTheWriteTimeoutAndWorkersCarryOnOnceTheBrokerIsBack() throws Exception {
    CountDownLatch brokerBack = new CountDownLatch(1);
    CountDownLatch firstRunStarted = new CountDownLatch(1);
    JobKinds kinds = JobKinds.builder().kind("echo", Echo.class, (request, ctx) -> {
      if (request.text.equals("during the outage") && firstRunStarted.getCount() > 0) {
        firstRunStarted.countDown();
        brokerBack.await(); // the first run outlives the outage; a redelivery returns at once
      }
      return new Echo(request.text);
    }).build();
    String events = TestTopics.uniqueName("job-events");
    kafka.broker().topics().create(events, 1);
    publisher = EventPublisher.builder().kafka(KafkaConfig.of(kafka.bootstrapServers())).source(URI.create("/test")).build();
    JobListener publishing = JobEventPublisher.create(publisher, events); // a listener that needs the broker too
    DistributedJobs a = cluster.replica("a", 0, kinds, publishing);
    cluster.replica("b", 1, kinds, publishing);
    JobEndpoints endpoints = JobEndpoints.of(a.jobManager());
    Job running = submitWhenTheBrokerAnswers(a, kinds, "during the outage");
    assertThat(firstRunStarted.await(30, TimeUnit.SECONDS)).isTrue();

    kafka.broker().stop();
    CompletableFuture<ServerResponse> refused = CompletableFuture.supplyAsync(() -> endpoints.submit(
        ServerRequest.builder("POST", "/v1/echo").body("{}".getBytes(StandardCharsets.UTF_8)).build(), "echo",
        kinds.work("echo", new Echo("refused"))).join());

    // Bounded by the 1 s write timeout (the default is 10 s); atMost is only a generous guard against a hang.
    await().atMost(Duration.ofSeconds(30)).until(refused::isDone);
    ServerResponse answer = refused.get();
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.header("Retry-After")).isPresent();
    assertThat(SognoJson.defaults().read(answer.body(), Problem.class).code()).isEqualTo("job-state-unavailable");

    kafka.broker().start();
    brokerBack.countDown();
    Job after = submitWhenTheBrokerAnswers(a, kinds, "after");

    for (Job job : new Job[] {running, after}) {
      await().atMost(Duration.ofSeconds(90)).until(() -> a.jobManager().get(job.id(), null).isTerminal());
      Job done = a.jobManager().get(job.id(), null);
      assertThat(done.status()).as("%s %s", done, done.problem()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(Transitions.lease(done).orElseThrow()).containsEntry("worker", "b/worker-1");
    }
  }

  /**
   * Submits once the producer has the broker's metadata: on a loaded machine that can take longer
   * than the test's 1 s write timeout (after start-up or a restart), and those tries are refused with
   * {@code job-state-unavailable}, as the test expects during the outage itself.
   */
  private static Job submitWhenTheBrokerAnswers(DistributedJobs replica, JobKinds kinds, String text) {
    return await().atMost(Duration.ofSeconds(90)).ignoreExceptionsInstanceOf(JobManagerException.class)
        .until(() -> replica.jobManager().submit(JobSubmission.builder("echo").build(), kinds.work("echo", new Echo(text))),
            job -> job != null);
  }
}
