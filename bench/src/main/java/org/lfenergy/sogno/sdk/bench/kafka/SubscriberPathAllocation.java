package org.lfenergy.sogno.sdk.bench.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.EventSubscriber;
import org.lfenergy.sogno.sdk.kafka.FailureConfig;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * Bytes allocated per record by a consumer's own thread on {@link SubscriberPathBenchmark}'s path (same
 * records, same subscriber or raw loop), leaving out what {@link MockConsumer#poll} allocates. JMH's
 * {@code gc.alloc.rate.norm} for that benchmark also counts the polls that find nothing while the
 * benchmark thread builds the next batch ({@code MockConsumer} does not block), and their number
 * depends on timing: on a busy machine it swings by hundreds of bytes per record from one iteration to
 * the next. This count does not, so it can tell changes of a few bytes apart. Not timed.
 *
 * <p>Arguments: {@code sdk} or {@code raw-type-only} (the raw loop reading payloads with {@code
 * SognoJson}, as {@code -p rawJson=sdk}), then warm-up and measured batches of 10,000 records
 * (default 300 and 200).
 */
public final class SubscriberPathAllocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final TopicPartition PARTITION = new TopicPartition("sogno.bench.path.v1", 0);
  private static final int BATCH = 10_000;
  private static final int DISTINCT = 1_000;

  private SubscriberPathAllocation() {}

  /** A {@link MockConsumer} that counts what its caller allocates between polls and parks on empty ones. */
  private static final class CountingConsumer extends MockConsumer<byte[], byte[]> {
    private volatile long outsidePoll;
    private long leftPoll = -1;

    CountingConsumer() {
      super("earliest");
    }

    @Override
    public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
      if (leftPoll >= 0) {
        outsidePoll += THREADS.getCurrentThreadAllocatedBytes() - leftPoll;
      }
      ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
      if (records.isEmpty()) {
        LockSupport.parkNanos(200_000);
      }
      leftPoll = THREADS.getCurrentThreadAllocatedBytes();
      return records;
    }
  }

  public static void main(String[] args) throws Exception {
    String side = args.length > 0 ? args[0] : "sdk";
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    SognoJson json = SognoJson.defaults();
    List<byte[]> values = new ArrayList<>();
    List<RecordHeaders> headers = new ArrayList<>();
    for (int i = 0; i < DISTINCT; i++) {
      values.add(json.write(BenchEvents.job(i)));
      headers.add(BenchEvents.cloudEventHeaders(BenchEvents.key(i)));
    }
    CountingConsumer consumer = new CountingConsumer();
    consumer.setMaxPollRecords(500);
    consumer.updatePartitions(PARTITION.topic(), List.of(new PartitionInfo(PARTITION.topic(), 0, null, null, null)));
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(PARTITION));
      consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    });
    AtomicLong handled = new AtomicLong();
    try (AutoCloseable running = start(side, consumer, handled)) {
      long offset = 0;
      long before = 0;
      for (int round = 0; round < warmUp + measured; round++) {
        if (round == warmUp) {
          before = consumer.outsidePoll;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++, offset++) {
          int which = (int) (offset % DISTINCT);
          batch.add(new ConsumerRecord<>(PARTITION.topic(), 0, offset, System.currentTimeMillis(),
              TimestampType.CREATE_TIME, -1, values.get(which).length, null, values.get(which), headers.get(which),
              Optional.empty()));
        }
        consumer.schedulePollTask(() -> batch.forEach(consumer::addRecord));
        while (handled.get() < offset) {
          LockSupport.parkNanos(20_000);
        }
        Thread.sleep(2); // the batch's commit happens after its last record was handled
      }
      System.out.printf("%s: %.1f bytes per record on the consumer thread outside poll (%,d records)%n", side,
          (double) (consumer.outsidePoll - before) / ((long) measured * BATCH), (long) measured * BATCH);
    }
  }

  private static AutoCloseable start(String side, MockConsumer<byte[], byte[]> consumer, AtomicLong handled) {
    if (side.equals("sdk")) {
      return EventSubscriber.builder()
          .kafka(KafkaConfig.of("localhost:9"))
          .groupId("bench-path")
          .topics(PARTITION.topic())
          .onFailure(FailureConfig.skip())
          .consumerFactory(properties -> consumer)
          .on(BenchEvents.TYPE, event -> handled.incrementAndGet())
          .build()
          .start();
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Thread thread = new Thread(new RawPollLoop(consumer, PARTITION.topic(), RawPollLoop.Reading.TYPE_ONLY,
        RawPollLoop.sdkJsonPayloads(), job -> handled.incrementAndGet(), stopped::get), "bench-raw-poll-loop");
    thread.start();
    return () -> {
      stopped.set(true);
      thread.join(10_000);
    };
  }
}
