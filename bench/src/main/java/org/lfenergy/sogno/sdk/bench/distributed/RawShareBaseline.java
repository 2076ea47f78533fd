package org.lfenergy.sogno.sdk.bench.distributed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * P7's fair raw baseline: the same durable work as a job system, done with plain Kafka clients and no
 * SDK. The submitter writes each job's {@code queued} state record to a compacted state topic and its
 * request to the request topic, asynchronously (one producer, batched); or, as the SDK's
 * {@code submit} promises it ({@link Shape#awaited}), by as many threads as the SDK's run, each writing
 * a job's state, awaiting it, then its request, awaiting it, before the next job (one producer shared,
 * with the linger of the SDK's writes). Each worker replica has a producer ({@code acks=all},
 * idempotent, Kafka's default batching) and a share consumer on its own thread (explicit
 * acknowledgement, taking what {@code poll} gives), or as many consumers taking one record per fetch as
 * the SDK has slots ({@link Shape#slotted}); per record a consumer's thread writes a
 * {@code running} and a {@code succeeded} state record and a result record, all asynchronously, runs
 * the same no-op, and ACCEPTs the poll's records once all their writes are acknowledged (the
 * acknowledgements go with the next poll). No reading back, no lease, no cancellation, no listener.
 */
final class RawShareBaseline {
  private RawShareBaseline() {}

  private static final int WARM_UP = 20;

  /**
   * How the raw side runs: {@code replicas} worker replicas, each with one producer and either one
   * share consumer taking what {@code poll} gives ({@code slots} 0) or {@code slots} share consumers
   * taking one record per fetch, as the SDK's slots do; jobs submitted in one asynchronous batch
   * ({@code submitters} 0) or by that many threads awaiting each write, with {@code linger}.
   */
  record Shape(int replicas, int slots, int submitters, Duration linger) {
    /** The fair raw baseline: one consumer per replica taking what poll gives, one batch submitted. */
    static Shape batched(int replicas) {
      return new Shape(replicas, 0, 0, Duration.ZERO);
    }

    /** As {@link #batched}, with submissions awaited as the SDK's {@code submit} promises. */
    Shape awaited(int threads, Duration writeLinger) {
      return new Shape(replicas, slots, threads, writeLinger);
    }

    /** With {@code perReplica} consumers per replica, each taking one record per share fetch. */
    Shape slotted(int perReplica) {
      return new Shape(replicas, perReplica, submitters, linger);
    }
  }

  /**
   * Jobs per second from the first submission until the last job's writes are acknowledged, after
   * {@value #WARM_UP} warm-up jobs went the same way (the consumers joined, the producers connected).
   */
  static double run(KafkaConfig settings, String round, Shape shape, int jobs) throws Exception {
    String requests = "sogno.bench-" + round + ".requested.v1";
    String states = "sogno.bench-" + round + ".state.v1";
    String group = "bench-" + round;
    Map<String, Object> common = new HashMap<>(settings.properties());
    try (Admin admin = Admin.create(common)) {
      admin.createTopics(List.of(new NewTopic(requests, 4, (short) 1),
          new NewTopic(states, 4, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
          .all().get(30, TimeUnit.SECONDS);
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
          new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
    }
    CountDownLatch done = new CountDownLatch(WARM_UP + jobs);
    List<Thread> threads = new ArrayList<>();
    List<KafkaShareConsumer<String, String>> consumers = new ArrayList<>();
    List<KafkaProducer<String, String>> producers = new ArrayList<>();
    for (int replica = 0; replica < shape.replicas(); replica++) {
      KafkaProducer<String, String> producer = producer(common);
      producers.add(producer);
      for (int slot = 0; slot < Math.max(1, shape.slots()); slot++) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("group.id", group);
        properties.put("share.acknowledgement.mode", "explicit");
        if (shape.slots() > 0) {
          properties.put("share.acquire.mode", "record_limit");
          properties.put("max.poll.records", 1);
        }
        KafkaShareConsumer<String, String> consumer =
            new KafkaShareConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumers.add(consumer);
        Thread thread = new Thread(() -> work(consumer, producer, requests, states, done),
            "raw-worker-" + replica + "-" + slot);
        threads.add(thread);
        thread.start();
      }
    }
    long start;
    Map<String, Object> submitting = new HashMap<>(common);
    if (shape.submitters() > 0) {
      submitting.put("linger.ms", (int) shape.linger().toMillis());
    }
    try (KafkaProducer<String, String> submitter = producer(submitting)) {
      submit(submitter, requests, states, -WARM_UP, 0);
      while (done.getCount() > jobs) {
        Thread.sleep(1);
      }
      start = System.nanoTime();
      if (shape.submitters() > 0) {
        submitAwaited(submitter, requests, states, jobs, shape.submitters());
      } else {
        submit(submitter, requests, states, 0, jobs);
      }
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(done.getCount() + " raw jobs not done in round " + round);
    }
    double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
    consumers.forEach(KafkaShareConsumer::wakeup);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    producers.forEach(KafkaProducer::close);
    return perSecond;
  }

  /** Writes jobs {@code from} to {@code to} (exclusive): their queued state and their request. */
  private static void submit(KafkaProducer<String, String> submitter, String requests, String states, int from, int to) {
    for (int i = from; i < to; i++) {
      String id = "job-" + i;
      submitter.send(new ProducerRecord<>(states, id, state(id, "queued")));
      submitter.send(new ProducerRecord<>(requests, id, "{\"n\":" + i + "}"));
    }
    submitter.flush();
  }

  /** Writes jobs 0 to {@code jobs} on {@code submitters} threads, each write awaited before the next. */
  private static void submitAwaited(KafkaProducer<String, String> submitter, String requests, String states, int jobs,
      int submitters) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < submitters; t++) {
        int first = t;
        threads.add(pool.submit(() -> {
          for (int i = first; i < jobs; i += submitters) {
            String id = "job-" + i;
            submitter.send(new ProducerRecord<>(states, id, state(id, "queued"))).get(30, TimeUnit.SECONDS);
            submitter.send(new ProducerRecord<>(requests, id, "{\"n\":" + i + "}")).get(30, TimeUnit.SECONDS);
          }
          return null;
        }));
      }
      for (Future<?> thread : threads) {
        thread.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> common) {
    Map<String, Object> properties = new HashMap<>(common);
    properties.put("acks", "all");
    properties.put("enable.idempotence", "true");
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  private static void work(KafkaShareConsumer<String, String> consumer, KafkaProducer<String, String> producer,
      String requests, String states, CountDownLatch done) {
    try (consumer) { // the replica's producer is shared by its consumers, closed by run
      consumer.subscribe(List.of(requests));
      while (done.getCount() > 0) {
        List<ConsumerRecord<String, String>> taken = new ArrayList<>();
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          String id = record.key();
          writes.add(producer.send(new ProducerRecord<>(states, id, state(id, "running"))));
          String result = "{\"n\":" + (record.value().length() + 1) + "}"; // the no-op job
          writes.add(producer.send(new ProducerRecord<>(states, id, state(id, "succeeded"))));
          writes.add(producer.send(new ProducerRecord<>(states, id + "/result", result)));
          taken.add(record);
        }
        for (Future<RecordMetadata> write : writes) {
          write.get(30, TimeUnit.SECONDS);
        }
        for (ConsumerRecord<String, String> record : taken) {
          consumer.acknowledge(record, AcknowledgeType.ACCEPT);
          done.countDown();
        }
      }
    } catch (WakeupException e) {
      // done
    } catch (Exception e) {
      throw new IllegalStateException("raw worker failed", e);
    }
  }

  /** A state record of about the size of the SDK's (its job resource without links and lease). */
  private static String state(String id, String status) {
    Instant now = Instant.now();
    return "{\"revision\":1,\"job\":{\"id\":\"" + id + "\",\"kind\":\"short\",\"status\":\"" + status
        + "\",\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\",\"expiresAt\":\"" + now.plusSeconds(86_400)
        + "\"},\"cancelRequested\":false}";
  }
}
