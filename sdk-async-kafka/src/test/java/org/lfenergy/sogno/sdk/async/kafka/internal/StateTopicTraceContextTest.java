package org.lfenergy.sogno.sdk.async.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * The submitter's trace context in the job-state topic of the embedded broker: kept by every replica
 * through every state change, and absent (not an error) in values written before it was kept.
 */
class StateTopicTraceContextTest {
  @RegisterExtension static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String CONTEXT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01;vendor=opaque";
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private final SognoJson json = SognoJson.defaults();
  private final String topic = TestTopics.uniqueName("state");
  private final List<KafkaJobStore> stores = new ArrayList<>();

  @AfterEach
  void close() {
    stores.forEach(KafkaJobStore::close);
  }

  private KafkaJobStore replica(String id) {
    KafkaJobStore store = new KafkaJobStore(KafkaConfig.of(kafka.bootstrapServers()),
        DistributedJobsConfig.builder().stateTopic(topic).replicaId(id).visibilityWait(Duration.ofSeconds(5)).build(),
        json, Clock.systemUTC());
    stores.add(store);
    store.start(WAIT);
    return store;
  }

  private static Job queued(String id) {
    return Job.builder(id, JobStatus.QUEUED).kind("echo").createdAt(T0).updatedAt(T0).build();
  }

  @Test
  void everyReplicaReadsTheSubmittersTraceContextAndKeepsItThroughStateChanges() {
    kafka.broker().topics().create(topic);
    KafkaJobStore a = replica("a");
    a.insert(JobRecord.of(queued("j1"), "alice", null, null).withTraceContext(CONTEXT));
    KafkaJobStore b = replica("b");

    assertThat(b.find("j1").flatMap(JobRecord::traceContext)).contains(CONTEXT);

    b.update("j1", record -> record.withJob(Transitions.start(record.job(), "b/worker-1", 1, T0.plusSeconds(1),
        Duration.ofSeconds(30))));
    await().atMost(WAIT).until(() -> a.peek("j1").map(record -> record.job().status()).orElse(null),
        JobStatus.RUNNING::equals);
    assertThat(a.peek("j1").flatMap(JobRecord::traceContext)).contains(CONTEXT);
  }

  @Test
  void aStateValueWrittenWithoutATraceContextStillReads() throws Exception {
    kafka.broker().topics().create(topic);
    String written = "{\"revision\":2,\"job\":" + new String(json.write(queued("old")), StandardCharsets.UTF_8)
        + ",\"owner\":\"alice\",\"cancelRequested\":false}"; // as written before the trace context was kept
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        ClientProperties.producer(KafkaConfig.of(kafka.bootstrapServers()), "old-writer", Duration.ofSeconds(10),
            Duration.ZERO))) {
      producer.send(new ProducerRecord<>(topic, "old", written.getBytes(StandardCharsets.UTF_8))).get();
    }

    Optional<JobRecord> read = replica("a").find("old");

    assertThat(read).isPresent();
    assertThat(read.get().job().status()).isEqualTo(JobStatus.QUEUED);
    assertThat(read.get().owner()).contains("alice");
    assertThat(read.get().traceContext()).isEmpty();
  }
}
