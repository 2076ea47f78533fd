package org.lfenergy.sogno.sdk.async.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

class StoredJobTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration TTL = Duration.ofHours(1);

  private final StoredJob queued = new StoredJob(
      JobRecord.of(Job.builder("j1", JobStatus.QUEUED).kind("echo").createdAt(T0).updatedAt(T0).build(), "alice", "k1", "f1"), 1);
  private final StoredJob running = queued.next(queued.record().withJob(
      Transitions.start(queued.record().job(), "b/worker-1", 1, T0.plusSeconds(1), Duration.ofSeconds(30))));

  @Test
  void laterRevisionWinsWhateverTheOrderItArrivesIn() {
    StoredJob progressed = running.next(running.record().withJob(
        Transitions.progress(running.record().job(), JobProgress.of(50, "half"), T0.plusSeconds(2))));

    assertThat(StoredJob.merge(progressed, running).record()).isSameAs(progressed.record());
    assertThat(StoredJob.merge(running, progressed).record()).isSameAs(progressed.record());
    assertThat(StoredJob.merge(progressed, queued).record().job().status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aTerminalStateIsNeverUndoneByALateNonTerminalWrite() {
    StoredJob succeeded = running.next(running.record().withJob(Transitions.succeed(running.record().job(), T0.plusSeconds(3), TTL)));
    StoredJob lateHeartbeat = running.next(running.record()).next(running.record());

    assertThat(StoredJob.merge(succeeded, lateHeartbeat).record().job().status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(StoredJob.merge(lateHeartbeat, succeeded).record().job().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void ofTwoTerminalStatesEveryReplicaKeepsTheOneThatFinishedFirst() {
    StoredJob cancelled = running.next(running.record().withJob(Transitions.cancel(running.record().job(), T0.plusSeconds(3), TTL)));
    StoredJob failed = running.next(running.record().withJob(Transitions.fail(running.record().job(),
        Problem.builder().code("job-failed").status(500).build(), T0.plusSeconds(4), TTL)));

    for (List<StoredJob> order : List.of(List.of(cancelled, failed), List.of(failed, cancelled))) {
      StoredJob merged = StoredJob.merge(StoredJob.merge(running, order.get(0)), order.get(1));
      assertThat(merged.record().job().status()).isEqualTo(JobStatus.CANCELLED);
    }
  }

  @Test
  void aCancellationRequestMadeConcurrentlyWithProgressIsKept() {
    StoredJob cancelRequest = running.next(running.record().withCancelRequested());
    StoredJob progressed = running.next(running.record().withJob(
        Transitions.progress(running.record().job(), JobProgress.of(10, null), T0.plusSeconds(5))));

    assertThat(StoredJob.merge(cancelRequest, progressed).record().cancelRequested()).isTrue();
    assertThat(StoredJob.merge(progressed, cancelRequest).record().cancelRequested()).isTrue();
  }

  @Test
  void roundTripsOwnerKeyResultAndLeaseThroughJson() {
    SognoJson json = SognoJson.defaults();
    StoredJob done = running.next(running.record().withCancelRequested()
        .withResult(JobResult.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8), "application/json")));

    StoredJob read = StoredJob.read(done.write(json), json);

    assertThat(read.revision()).isEqualTo(done.revision());
    assertThat(read.record().owner()).contains("alice");
    assertThat(read.record().idempotencyKey()).contains("k1");
    assertThat(read.record().fingerprint()).contains("f1");
    assertThat(read.record().cancelRequested()).isTrue();
    assertThat(new String(read.record().result().orElseThrow().body(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
    assertThat(Transitions.lease(read.record().job()).orElseThrow()).containsEntry("worker", "b/worker-1").containsEntry("attempt", 1);
    assertThat(Transitions.leaseExpiry(read.record().job())).contains(T0.plusSeconds(31));
  }

  @Test
  void theSubmittersTraceContextRoundTripsAndSurvivesMerges() {
    SognoJson json = SognoJson.defaults();
    String context = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    StoredJob traced = new StoredJob(queued.record().withTraceContext(context), 1);
    StoredJob cancelRequest = traced.next(traced.record().withCancelRequested());
    StoredJob started = traced.next(traced.record().withJob(
        Transitions.start(traced.record().job(), "b/worker-1", 1, T0.plusSeconds(1), Duration.ofSeconds(30))));

    assertThat(StoredJob.read(traced.write(json), json).record().traceContext()).contains(context);
    assertThat(StoredJob.merge(cancelRequest, started).record().traceContext()).contains(context);
    assertThat(StoredJob.read(queued.write(json), json).record().traceContext()).isEmpty();
  }

  @Test
  void aQueuedJobThatCanNeverRunFailsThroughRunning() {
    Job failed = Transitions.fail(queued.record().job(), Problem.builder().code("job-kind-unknown").status(500).build(),
        T0.plusSeconds(1), TTL);

    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.startedAt()).contains(T0.plusSeconds(1));
    assertThat(failed.expiresAt()).contains(T0.plusSeconds(1).plus(TTL));
  }
}
