package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

class JobEventsTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();

  private final String topic = "sogno.jobs-" + TestTopics.uniqueName("e").replaceAll("[^a-zA-Z0-9]", "") + ".state-changed.v1";
  private final AtomicInteger polls = new AtomicInteger();
  private EventPublisher publisher;
  private JobManager manager;
  private HttpServer http;

  private KafkaConfig settings() {
    return KafkaConfig.of(kafka.bootstrapServers());
  }

  /** A job service over loopback whose manager publishes job events, or not. */
  private SognoClient service(boolean publishing) throws Exception {
    kafka.broker().topics().create(topic, 2);
    publisher = EventPublisher.builder().kafka(settings()).source(URI.create("/sogno/test")).build();
    JobManager.Builder builder = JobManager.builder().config(JobManagerConfig.builder().ownerScoped(false).build());
    if (publishing) {
      builder.listener(JobEventPublisher.create(publisher, topic));
    }
    manager = builder.build();
    JobEndpoints endpoints = JobEndpoints.of(manager);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    JdkHttpServerAdapter adapter = JdkHttpServerAdapter.of(endpoints::handle);
    http.createContext("/v1/jobs", exchange -> {
      polls.incrementAndGet();
      adapter.handle(exchange);
    });
    http.start();
    return SognoClient.builder().baseUrl("http://127.0.0.1:" + http.getAddress().getPort())
        .retry(RetryConfig.disabled()).build();
  }

  @AfterEach
  void close() {
    if (http != null) {
      http.stop(0);
    }
    if (manager != null) {
      manager.close();
    }
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void everyStateChangeIsPublishedAsACloudEventKeyedByTheJobId() throws Exception {
    service(true);

    Job job = manager.submit(JobSubmission.builder("echo").build(), ctx -> "done");

    List<ConsumerRecord<byte[], byte[]>> records = kafka.broker().topics().read(topic, 3, Duration.ofSeconds(60));
    assertThat(records).allSatisfy(record -> {
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(job.id());
      assertThat(header(record, "ce_type")).isEqualTo(JobEvents.STATE_CHANGED);
      assertThat(header(record, "ce_subject")).isEqualTo(job.id());
    });
    assertThat(records).extracting(record -> SognoJson.defaults().read(record.value(), Job.class).status())
        .containsExactly(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED);
  }

  @Test
  void waiterAnswersFromTheTerminalEventInsteadOfPolling() throws Exception {
    SognoClient client = service(true);
    CountDownLatch release = new CountDownLatch(1);
    try (JobEventWaiter waiter = JobEventWaiter.start(settings(), topic, SognoJson.defaults())) {
      CompletableFuture<Job> done = awaitHeldJob(client, waiter, release, Duration.ofSeconds(60));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> polls.get() == 1);

      release.countDown();

      assertThat(done.get().status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(polls).hasValue(1); // the first look only; the end came as an event
    }
  }

  @Test
  void waiterFallsBackToPollingWhenNoEventArrives() throws Exception {
    SognoClient client = service(false);
    CountDownLatch release = new CountDownLatch(1);
    try (JobEventWaiter waiter = JobEventWaiter.start(settings(), topic, SognoJson.defaults())) {
      CompletableFuture<Job> done = awaitHeldJob(client, waiter, release, Duration.ofMillis(500));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> polls.get() >= 2);

      release.countDown();

      assertThat(done.get().status()).isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  /** Submits a job that runs until {@code release}, and awaits it through {@code waiter} in the background. */
  private CompletableFuture<Job> awaitHeldJob(SognoClient client, JobEventWaiter waiter, CountDownLatch release,
      Duration eventWait) {
    Job job = manager.submit(JobSubmission.builder("echo").build(), ctx -> {
      release.await();
      return "done";
    });
    JobHandle<Void> handle = JobHandle.forJobId(client, job.id(), ResponseReader.discarding());
    return CompletableFuture.supplyAsync(() -> waiter.awaitTerminal(handle, eventWait, Duration.ofSeconds(90)));
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
