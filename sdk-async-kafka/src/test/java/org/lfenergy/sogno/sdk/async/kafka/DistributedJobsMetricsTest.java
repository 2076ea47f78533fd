package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * The {@code sogno.jobs.*} meters of distributed jobs in a {@link SimpleMeterRegistry}, on the embedded
 * broker: the same names and tags as the in-process job manager's.
 */
class DistributedJobsMetricsTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = Cluster.broker();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Cluster cluster = new Cluster(kafka)
      .observability(ObservabilityConfig.builder().meterRegistry(registry).build());
  private final CountDownLatch release = new CountDownLatch(1);
  private final JobKinds kinds = JobKinds.builder()
      .kind("hold", DistributedJobsTest.Echo.class, (request, ctx) -> {
        release.await(30, TimeUnit.SECONDS);
        return request;
      })
      .kind("diverge", DistributedJobsTest.Echo.class, (request, ctx) -> {
        throw new JobFailureException(Problem.builder().code("diverged").status(422).title("Load flow diverged").build());
      })
      .build();

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  private Job submit(DistributedJobs replica, String kind) {
    return replica.jobManager().submit(JobSubmission.builder(kind).build(),
        kinds.work(kind, new DistributedJobsTest.Echo("x")));
  }

  @Test
  void theWorkersGaugeTheJobsTheyRunAndTheStateTopicTheJobsWaiting() {
    DistributedJobs replica = cluster.replica("a", 1, kinds);
    submit(replica, "hold");
    submit(replica, "hold");
    submit(replica, "hold");

    await().atMost(WAIT).until(() -> gauge("sogno.jobs.running") == 1 && gauge("sogno.jobs.queued") == 2);

    release.countDown();
    await().atMost(WAIT).until(() -> gauge("sogno.jobs.running") == 0 && gauge("sogno.jobs.queued") == 0);
    assertThat(timer("hold", "succeeded").count()).isEqualTo(3);
  }

  @Test
  void eachRunIsTimedByKindAndOutcome() {
    DistributedJobs replica = cluster.replica("a", 1, kinds);
    release.countDown();
    submit(replica, "hold");
    submit(replica, "diverge");

    await().atMost(WAIT).until(() -> timer("hold", "succeeded") != null && timer("diverge", "failed") != null);
    assertThat(timer("hold", "succeeded").count()).isEqualTo(1);
    assertThat(timer("diverge", "failed").count()).isEqualTo(1);
    assertThat(registry.find("sogno.jobs.duration").timers()).hasSize(2);
  }

  @Test
  void refusalsOfTheDistributedManagerAreCountedByReason() {
    DistributedJobs replica = cluster.replica("a", 0, kinds);
    JobSubmission keyed = JobSubmission.builder("hold").idempotencyKey("k1", "f1").build();
    replica.jobManager().submit(keyed, kinds.work("hold", new DistributedJobsTest.Echo("x")));

    assertThatThrownBy(() -> replica.jobManager().submit(
            JobSubmission.builder("hold").idempotencyKey("k1", "f2").build(),
            kinds.work("hold", new DistributedJobsTest.Echo("y"))))
        .isInstanceOf(JobManagerException.class);
    assertThatThrownBy(() -> replica.jobManager().submit(JobSubmission.builder("lambda").build(), ctx -> "not by kind"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(refused("hold", "idempotency_conflict")).isEqualTo(1);
    assertThat(refused("lambda", "unrunnable")).isEqualTo(1);
  }

  @Test
  void closingTheReplicaRemovesItsGauges() {
    DistributedJobs replica = cluster.replica("a", 1, kinds);
    assertThat(registry.find("sogno.jobs.running").gauge()).isNotNull();
    assertThat(registry.find("sogno.jobs.queued").gauge()).isNotNull();

    replica.close();

    assertThat(registry.find("sogno.jobs.running").gauge()).isNull();
    assertThat(registry.find("sogno.jobs.queued").gauge()).isNull();
  }

  private double gauge(String name) {
    Gauge gauge = registry.find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  private Timer timer(String kind, String outcome) {
    return registry.find("sogno.jobs.duration").tags("kind", kind, "outcome", outcome).timer();
  }

  private double refused(String kind, String reason) {
    var counter = registry.find("sogno.jobs.refused").tags("kind", kind, "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
