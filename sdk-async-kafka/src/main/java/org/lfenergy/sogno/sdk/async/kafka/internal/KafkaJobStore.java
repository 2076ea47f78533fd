package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.kafka.JobStateUnavailableException;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} on a compacted Kafka topic (key = job id), materialised in memory by every
 * replica. Writes go to the topic and are awaited, then applied locally (read-your-writes on the
 * writing replica); the other replicas apply them when they read them. A lookup of a job that is not
 * terminal here waits, up to the visibility bound, until this replica has read everything written
 * before the lookup began, so reads on any replica see every acknowledged write. A worker's claim of
 * a job it has not seen yet waits for that job's record to arrive (no broker call) before it falls
 * back to that catch-up; a claim's write may be pipelined ({@link #updatePipelined}).
 * Idempotency keys are unique per replica at once and across replicas once the first write is visible.
 */
public final class KafkaJobStore implements JobStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaJobStore.class);

  private final String topic;
  private final SognoJson json;
  private final Clock clock;
  private final Duration visibilityWait;
  private final Duration writeTimeout;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> reader;
  private final ConcurrentHashMap<String, StoredJob> jobs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> idempotencyKeys = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[64];
  private final ConcurrentHashMap<String, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<CompletableFuture<Void>> barrierRequests = new ConcurrentLinkedQueue<>();
  private final List<Barrier> barriers = new ArrayList<>();
  private final List<Consumer<JobRecord>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Thread materializer;
  private volatile boolean closed;

  /** The store of the state topic of {@code config}, with its waits and bounds. */
  public KafkaJobStore(KafkaConfig settings, DistributedJobsConfig config, SognoJson json, Clock clock) {
    this.topic = config.stateTopic();
    this.json = json;
    this.clock = clock;
    this.visibilityWait = config.visibilityWait();
    this.writeTimeout = config.writeTimeout();
    String replicaId = config.replicaId();
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
    this.producer = new KafkaProducer<>(ClientProperties.producer(settings, "sogno-jobs-state-" + replicaId, writeTimeout,
        config.writeLinger()));
    this.reader = new KafkaConsumer<>(ClientProperties.stateReader(settings, "sogno-jobs-state-reader-" + replicaId,
        config.stateFetchWait()));
    this.materializer = new Thread(this::materialize, "sogno-jobs-state-" + replicaId);
    this.materializer.setDaemon(true);
  }

  /** Starts reading the topic and returns once everything written so far is applied. */
  public void start(Duration timeout) {
    List<TopicPartition> partitions;
    try {
      partitions = Partitions.of(reader, topic, timeout);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new JobStateUnavailableException("Job state topic " + topic + " not available", e);
    }
    reader.assign(partitions);
    reader.seekToBeginning(partitions);
    materializer.start();
    if (!awaitCaughtUp(timeout)) {
      throw new JobStateUnavailableException("Job state topic " + topic + " not read within " + timeout, null);
    }
  }

  /** Called with every record this replica learns of from the topic (its own writes included). */
  public void observe(Consumer<JobRecord> observer) {
    observers.add(observer);
  }

  @Override
  public JobRecord insert(JobRecord record) {
    String indexKey = indexKey(record);
    if (indexKey == null) { // a new job id: nothing to serialise against
      apply(write(new StoredJob(record, 1)));
      return record;
    }
    synchronized (lockFor(indexKey)) {
      Optional<JobRecord> existing = findByIdempotencyKey(record.owner().orElse(null), record.idempotencyKey().get());
      if (existing.isPresent()) {
        return existing.get();
      }
      apply(write(new StoredJob(record, 1)));
      return record;
    }
  }

  @Override
  public Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
    String id = idempotencyKeys.get(owner + '\u0000' + idempotencyKey);
    return id == null ? Optional.empty() : live(jobs.get(id));
  }

  /**
   * The job as of every write acknowledged before this call, on any replica: unless this replica
   * already holds it terminal (final), it first catches up with the topic — one broker round trip,
   * at most the visibility wait, after which it answers from what it has.
   */
  @Override
  public Optional<JobRecord> find(String jobId) {
    StoredJob local = jobs.get(jobId);
    if (local != null && local.record().job().isTerminal()) {
      return live(local);
    }
    awaitCaughtUp(visibilityWait);
    return live(jobs.get(jobId));
  }

  /** The local view only, without waiting. */
  public Optional<JobRecord> peek(String jobId) {
    return live(jobs.get(jobId));
  }

  @Override
  public Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change) {
    return update(jobId, change, true);
  }

  /**
   * Like {@link #update}, but applies the change here at once and does not wait for its write: the
   * next awaited write of the same job on this replica is acknowledged only after this one (one
   * idempotent producer, one partition per job), so awaiting that one awaits both. A failed write is
   * logged; the job's later writes fail the same way and say so to their caller.
   */
  public Optional<JobRecord> updatePipelined(String jobId, UnaryOperator<JobRecord> change) {
    return update(jobId, change, false);
  }

  private Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change, boolean await) {
    synchronized (lockFor(jobId)) {
      if (!jobs.containsKey(jobId)) {
        awaitArrival(jobId); // written elsewhere a moment ago?
      }
      StoredJob current = jobs.get(jobId);
      if (live(current).isEmpty()) {
        return Optional.empty();
      }
      JobRecord next = change.apply(current.record());
      if (next == current.record()) {
        return Optional.of(next);
      }
      StoredJob stored = current.next(next);
      if (await) {
        return Optional.of(apply(write(stored)).record());
      }
      send(stored).whenComplete((ignored, failure) -> {
        if (failure != null) {
          log.warn("Writing the state of job {} failed", jobId, failure);
        }
      });
      return Optional.of(apply(stored).record());
    }
  }

  /**
   * Waits until this replica has read a record of {@code jobId}: a job's request is sent after its
   * state was written, so the state is on its way. Without a broker call; after a quarter of the
   * visibility wait it catches up with the topic instead (the job may be gone).
   */
  private void awaitArrival(String jobId) {
    CompletableFuture<Void> arrival = arrivals.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    try {
      if (!jobs.containsKey(jobId)) {
        arrival.get(visibilityWait.dividedBy(4).toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      find(jobId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      arrivals.remove(jobId, arrival);
    }
  }

  /** Every live job this replica knows of. */
  public List<JobRecord> snapshot() {
    List<JobRecord> all = new ArrayList<>();
    jobs.values().forEach(stored -> live(stored).ifPresent(all::add));
    return all;
  }

  /**
   * Accepted jobs waiting for a worker, on every replica, as this replica has read the state topic:
   * the queued ones and the running ones released for another delivery. Counted in memory, without a
   * call to the broker; -1 (unknown) once closed.
   */
  public int waiting() {
    if (closed) {
      return -1;
    }
    int waiting = 0;
    for (StoredJob stored : jobs.values()) {
      Job job = stored.record().job();
      if (job.status().equals(JobStatus.QUEUED) || Transitions.isReleased(job)) {
        waiting++;
      }
    }
    return waiting;
  }

  /** Writes tombstones for jobs whose {@code expiresAt} passed, so compaction forgets them. */
  public int purgeExpired() {
    int purged = 0;
    Instant now = clock.instant();
    for (StoredJob stored : jobs.values()) {
      if (stored.record().job().expiresAt().map(now::isAfter).orElse(false)) {
        producer.send(new ProducerRecord<>(topic, stored.record().id(), null));
        purged++;
      }
    }
    return purged;
  }

  /** True once this replica has read every write made before the call, waiting up to {@code timeout}. */
  public boolean awaitCaughtUp(Duration timeout) {
    if (closed) {
      return false;
    }
    CompletableFuture<Void> barrier = new CompletableFuture<>();
    barrierRequests.add(barrier);
    reader.wakeup();
    try {
      barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private StoredJob write(StoredJob stored) {
    try {
      send(stored).get(writeTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS); // the producer gives up first
      return stored;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobStateUnavailableException("Interrupted writing job " + stored.record().id(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RecordTooLargeException) {
        throw new StateRecordTooLargeException("The state of job " + stored.record().id() + " is too large for "
            + topic, e.getCause());
      }
      throw new JobStateUnavailableException("Cannot write the state of job " + stored.record().id(), e);
    } catch (TimeoutException e) {
      throw new JobStateUnavailableException("Cannot write the state of job " + stored.record().id(), e);
    }
  }

  private CompletableFuture<Void> send(StoredJob stored) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    producer.send(new ProducerRecord<>(topic, stored.record().id(), stored.write(json)), (metadata, failure) -> {
      if (failure == null) {
        sent.complete(null);
      } else {
        sent.completeExceptionally(failure);
      }
    });
    return sent;
  }

  private StoredJob apply(StoredJob stored) {
    JobRecord record = stored.record();
    StoredJob merged = jobs.merge(record.id(), stored, StoredJob::merge);
    String indexKey = indexKey(record);
    if (indexKey != null) {
      idempotencyKeys.putIfAbsent(indexKey, record.id());
    }
    return merged;
  }

  private void materialize() {
    while (!closed) {
      try {
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (CompletableFuture<Void> request; (request = barrierRequests.poll()) != null; ) {
          requests.add(request);
        }
        if (!requests.isEmpty()) {
          try {
            Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
            requests.forEach(request -> barriers.add(new Barrier(end, request)));
          } catch (RuntimeException e) {
            barrierRequests.addAll(requests); // woken up (or failed) before answering: ask again
            throw e;
          }
        }
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
          receive(record);
        }
        barriers.removeIf(this::reached);
      } catch (WakeupException e) {
        // a new barrier request, or close
      } catch (RuntimeException e) {
        if (!closed) {
          log.warn("Reading job state from {} failed; retrying", topic, e);
          sleepQuietly();
        }
      }
    }
    reader.close(Duration.ofSeconds(5));
  }

  private void receive(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      StoredJob removed = jobs.remove(record.key());
      if (removed != null) {
        String indexKey = indexKey(removed.record());
        if (indexKey != null) {
          idempotencyKeys.remove(indexKey, record.key());
        }
      }
      return;
    }
    try {
      JobRecord merged = apply(StoredJob.read(record.value(), json)).record();
      CompletableFuture<Void> arrival = arrivals.remove(record.key());
      if (arrival != null) {
        arrival.complete(null);
      }
      observers.forEach(observer -> observer.accept(merged));
    } catch (JsonException | IllegalArgumentException e) {
      log.warn("Skipping unreadable job state at {}-{}@{}", topic, record.partition(), record.offset(), e);
    }
  }

  private boolean reached(Barrier barrier) {
    for (Map.Entry<TopicPartition, Long> end : barrier.endOffsets.entrySet()) {
      if (reader.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    barrier.future.complete(null);
    return true;
  }

  private Optional<JobRecord> live(StoredJob stored) {
    if (stored == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return stored.record().job().expiresAt().filter(now::isAfter).isPresent()
        ? Optional.empty()
        : Optional.of(stored.record());
  }

  private Object lockFor(String key) {
    return locks[Math.floorMod(key.hashCode(), locks.length)];
  }

  private static String indexKey(JobRecord record) {
    return record.idempotencyKey().map(key -> record.owner().orElse(null) + '\u0000' + key).orElse(null);
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    reader.wakeup();
    try {
      materializer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    for (Iterator<CompletableFuture<Void>> it = barrierRequests.iterator(); it.hasNext(); ) {
      it.next().complete(null);
    }
  }

  private static final class Barrier {
    final Map<TopicPartition, Long> endOffsets;
    final CompletableFuture<Void> future;

    Barrier(Map<TopicPartition, Long> endOffsets, CompletableFuture<Void> future) {
      this.endOffsets = Objects.requireNonNull(endOffsets);
      this.future = future;
    }
  }
}
