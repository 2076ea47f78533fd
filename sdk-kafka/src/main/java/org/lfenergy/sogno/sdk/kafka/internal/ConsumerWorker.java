package org.lfenergy.sogno.sdk.kafka.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.lfenergy.sogno.sdk.kafka.DeadLetterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of a subscriber and the thread that runs it. At least once: an offset is committed
 * only after its record was handled or dead-lettered; asynchronously after each batch, synchronously
 * when partitions are revoked and on shutdown. While it waits between attempts it pauses its
 * partitions and keeps polling, so the group keeps it and no new records pile up. {@link #shutdown()}
 * wakes it from any poll; the record in progress is then left uncommitted for the next owner.
 */
public final class ConsumerWorker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
  private static final Duration WAIT_POLL = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final List<String> topics;
  private final RecordProcessor processor;
  private final Duration pollTimeout;
  private final Duration closeTimeout;
  private final String groupId;
  private final MessagingMeters metrics;
  private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
  private final Set<TopicPartition> revokedDuringBatch = new HashSet<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean closing;
  private volatile Throwable failure;
  private boolean waiting;
  private boolean dirty;
  private TopicPartition pendingPartition; // with pendingOffset: handled, not yet in processed
  private long pendingOffset = -1;
  private final RecordProcessor.Waiter waiter = this::await;

  public ConsumerWorker(Consumer<byte[], byte[]> consumer, String groupId, List<String> topics,
      RecordProcessor processor, MessagingMeters metrics, Duration pollTimeout, Duration closeTimeout) {
    this.consumer = consumer;
    this.groupId = groupId;
    this.metrics = metrics;
    this.topics = topics;
    this.processor = processor;
    this.pollTimeout = pollTimeout;
    this.closeTimeout = closeTimeout;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(topics, new Rebalance());
      while (!closing) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
        // Records of this poll belong to the assignment it ended with; only later revocations
        // (during waits inside the batch) make the rest of a partition's batch stale.
        revokedDuringBatch.clear();
        process(records);
        commitAsync();
      }
    } catch (WakeupException e) {
      if (!closing) {
        stoppedBy(e);
      }
    } catch (DeadLetterException e) {
      if (closing) { // the subscriber closed the dead-letter writer under the write
        log.info("Closed while dead-lettering; the record stays uncommitted: {}", Redaction.redactText(e.toString()));
      } else {
        stoppedBy(e);
      }
    } catch (RuntimeException | Error e) {
      stoppedBy(e);
    } finally {
      try {
        commitFinal();
      } catch (RuntimeException e) {
        log.warn("Final commit failed; the last records will be delivered again: {}", e.toString());
      } finally {
        consumer.close(closeTimeout);
        finished.countDown();
      }
    }
  }

  private void stoppedBy(Throwable e) {
    failure = e;
    log.error("A consumer of group {} on {} stopped for good: {}. Its partitions go to the group's other "
        + "consumers; the record it was on stays uncommitted. EventSubscriber.state() is now FAILED.",
        groupId, topics, Redaction.redactText(e.toString()), e);
    metrics.consumerStopped(groupId, e.getClass().getSimpleName());
  }

  /** Asks the loop to stop; it commits what was handled and closes the consumer. */
  public void shutdown() {
    closing = true;
    consumer.wakeup();
  }

  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  /** What stopped this consumer for good (a dead-letter failure, an {@code Error} of a handler), or null. */
  public Throwable failure() {
    return failure;
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      try {
        for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
          if (closing || revokedDuringBatch.contains(partition)) {
            break;
          }
          if (!processor.process(record, waiter).commits()) {
            break;
          }
          pendingPartition = partition;
          pendingOffset = record.offset() + 1;
        }
      } finally { // also when a handler's Error or a dead-letter failure stops the consumer mid-batch
        recordPending();
      }
    }
  }

  /**
   * Moves the offset after the last record handled into {@link #processed}: once per partition and
   * batch rather than per record, and before every wait, whose polls may revoke the partition.
   */
  private void recordPending() {
    if (pendingOffset >= 0) {
      processed.put(pendingPartition, new OffsetAndMetadata(pendingOffset));
      dirty = true;
      pendingOffset = -1;
    }
  }

  /** Pauses every partition and polls until {@code wait} is over; false if cut short. */
  private boolean await(Duration wait, TopicPartition partition) {
    recordPending();
    long deadline = System.nanoTime() + wait.toNanos();
    consumer.pause(consumer.assignment());
    waiting = true;
    try {
      long remaining;
      while (!closing && (remaining = deadline - System.nanoTime()) > 0) {
        ConsumerRecords<byte[], byte[]> unexpected =
            consumer.poll(Duration.ofNanos(Math.min(remaining, WAIT_POLL.toNanos())));
        rewind(unexpected);
        if (revokedDuringBatch.contains(partition)) {
          return false;
        }
      }
      return !closing;
    } finally {
      waiting = false;
      consumer.resume(consumer.paused());
    }
  }

  /** Paused partitions return nothing; should a record slip through, it is read again later. */
  private void rewind(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void commitAsync() {
    if (!dirty) {
      return;
    }
    dirty = false;
    consumer.commitAsync(Map.copyOf(processed), (offsets, error) -> {
      if (error != null) {
        log.warn("Offset commit failed, a later commit covers it: {}", error.toString());
      }
    });
  }

  /** A {@link #shutdown()} during a handler leaves a wakeup pending that the first commit absorbs. */
  private void commitFinal() {
    try {
      commitSync(processed);
    } catch (WakeupException pendingWakeup) {
      commitSync(processed);
    }
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (!offsets.isEmpty()) {
      consumer.commitSync(Map.copyOf(offsets));
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = processed.remove(partition);
        if (offset != null) {
          revoked.put(partition, offset);
        }
      }
      revokedDuringBatch.addAll(partitions);
      try {
        commitSync(revoked);
      } catch (RuntimeException e) {
        log.warn("Commit on revocation failed; the new owner re-reads from the last commit: {}", e.toString());
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(processed::remove);
      revokedDuringBatch.addAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (waiting) {
        consumer.pause(partitions);
      }
      log.debug("Assigned {}", partitions);
    }
  }
}
