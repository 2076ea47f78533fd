package org.lfenergy.sogno.sdk.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventSubscriber;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P4 without a broker: the whole consumer side of an {@link EventSubscriber} (its poll loop, CloudEvents
 * attributes, allow-list, payload decode, {@code Event} and {@code Delivery}, handler call, offset
 * bookkeeping and commits) against the {@link RawPollLoop}s, all fed the same records through Kafka's
 * {@link MockConsumer} (through {@link EventSubscriber.Builder#consumerFactory}). No fetch, decompression
 * or record parsing is in any side, so the ratios are the harshest: the SDK's extra work against the
 * same work done with the CloudEvents SDK, and against the least a raw loop can do per record.
 * {@code KafkaBenchmark} gives the ratios on a real broker.
 *
 * <p>Each invocation hands {@value #BATCH} records (the event of {@link BenchEvents}, with the headers
 * the SDK's publisher writes) to the consumer and waits until the handler has seen the last one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SubscriberPathBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class SubscriberPathBenchmark {
  static final int BATCH = 10_000;
  private static final TopicPartition PARTITION = new TopicPartition("sogno.bench.path.v1", 0);
  private static final int DISTINCT = 1_000;

  /**
   * Who consumes: the SDK's subscriber, the raw poll loop reading the whole CloudEvent with the
   * CloudEvents SDK ({@code raw-cloudevents}), or the raw loop checking {@code ce_type} only.
   */
  @Param({"sdk", "raw-cloudevents", "raw-type-only"})
  public String side;

  /**
   * The raw loops' JSON: plain Jackson ({@code jackson}, what a loop without the SDK has) or the SDK's
   * own ({@code sdk}: the raw loop then differs from the SDK in messaging work only).
   */
  @Param({"jackson"})
  public String rawJson;

  private final AtomicLong handled = new AtomicLong();
  private final List<byte[]> values = new ArrayList<>();
  private final List<RecordHeaders> headers = new ArrayList<>();
  private MockConsumer<byte[], byte[]> consumer;
  private AutoCloseable running;
  private List<ConsumerRecord<byte[], byte[]>> batch;
  private long nextOffset;
  private long target;

  @Setup(Level.Trial)
  public void start() {
    SognoJson json = SognoJson.defaults();
    for (int i = 0; i < DISTINCT; i++) {
      values.add(json.write(BenchEvents.job(i)));
      headers.add(BenchEvents.cloudEventHeaders(BenchEvents.key(i)));
    }
    consumer = new MockConsumer<>("earliest");
    consumer.setMaxPollRecords(500); // Kafka's default max.poll.records
    // start() checks that the topic exists
    consumer.updatePartitions(PARTITION.topic(), List.of(new PartitionInfo(PARTITION.topic(), 0, null, null, null)));
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(PARTITION));
      consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    });
    if (side.equals("sdk")) {
      running = EventSubscriber.builder()
          .kafka(KafkaConfig.of("localhost:9"))
          .groupId("bench-path")
          .topics(PARTITION.topic())
          .onFailure(FailureConfig.skip()) // every record is valid; no dead-letter topic to check
          .consumerFactory(properties -> consumer)
          .on(BenchEvents.TYPE, event -> handled.incrementAndGet())
          .build()
          .start();
    } else {
      AtomicBoolean stopped = new AtomicBoolean();
      RawPollLoop.Reading reading =
          side.equals("raw-type-only") ? RawPollLoop.Reading.TYPE_ONLY : RawPollLoop.Reading.CLOUDEVENTS_SDK;
      Thread thread = new Thread(new RawPollLoop(consumer, PARTITION.topic(), reading,
          rawJson.equals("sdk") ? RawPollLoop.sdkJsonPayloads() : RawPollLoop.jacksonPayloads(),
          job -> handled.incrementAndGet(), stopped::get), "bench-raw-poll-loop");
      thread.start();
      running = () -> {
        stopped.set(true);
        thread.join(10_000);
      };
    }
  }

  @Setup(Level.Invocation)
  public void prepareBatch() {
    batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++, nextOffset++) {
      int which = (int) (nextOffset % DISTINCT);
      byte[] value = values.get(which);
      batch.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), nextOffset, System.currentTimeMillis(),
          TimestampType.CREATE_TIME, -1, value.length, null, value, headers.get(which), Optional.empty()));
    }
  }

  /** Hands one batch to the consumer and waits until every record of it was handled. */
  @Benchmark
  public long consume() {
    List<ConsumerRecord<byte[], byte[]>> records = batch;
    consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    target += BATCH;
    while (handled.get() < target) {
      LockSupport.parkNanos(20_000);
    }
    return handled.get();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    running.close();
    if (handled.get() != target) {
      throw new IllegalStateException(side + " handled " + handled.get() + " records, " + target + " were handed over");
    }
  }
}
