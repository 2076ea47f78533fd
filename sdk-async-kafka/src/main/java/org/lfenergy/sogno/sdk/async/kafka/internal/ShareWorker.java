package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.kafka.JobStateUnavailableException;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobTelemetry;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of worker slots sharing one share consumer, which takes up to as many job requests per fetch
 * as there are slots (one, by default: each slot its own consumer) and fetches again once every job of
 * the last fetch has ended. The job of a request runs on a thread of its own, so that the thread
 * handling the request can renew the job's lease and pass a cancellation request from the shared state
 * on to the job every heartbeat. A poll's single request is handled on this thread, which renews its
 * acquisition lock at each heartbeat too; several are handled each on a thread of their own while this
 * one renews the locks of those still running. Acknowledges explicitly: ACCEPT when the
 * job ended (succeeded, cancelled, or was already terminal), RELEASE on a retryable failure below the
 * delivery limit, REJECT on a permanent failure. Each run is timed and traced by sdk-async's {@link
 * JobTelemetry}, like a run of the in-memory or durable runtimes. With tracing, each delivery is a
 * {@code CONSUMER} span that continues the submitter's trace from the request's headers, current while
 * the worker records the job's state changes; the run's {@code job {kind}} span is its child, current
 * while the job's work runs.
 */
public final class ShareWorker implements Runnable {
  /** Header of a job request naming its kind. */
  public static final String KIND_HEADER = "sogno-job-kind";
  private static final Logger log = LoggerFactory.getLogger(ShareWorker.class);

  private final String name;
  private final Map<String, Object> consumerProperties;
  private final String topic;
  private final JobKinds kinds;
  private final JobRunner runner;
  private final SognoJson json;
  private final Duration heartbeat;
  private final boolean interruptOnCancel;
  private final String shareGroup;
  private final MessageTracing tracing;
  private final JobTelemetry telemetry;
  private volatile KafkaShareConsumer<String, byte[]> consumer;
  private final ExecutorService jobThreads = daemons("sogno-job");
  // a job that hangs keeps its thread; the pool clears an interrupt before the thread's next job
  private final ExecutorService handlerThreads; // one per record of a poll, waiting on its job
  private volatile boolean running = true;
  private volatile boolean crashed;
  private final AtomicInteger busy = new AtomicInteger(); // jobs of this worker running

  /**
   * @param consumerProperties of the share consumer; its {@code max.poll.records} (in {@code
   *     record_limit} acquire mode, see {@link ClientProperties#shareConsumer}) is this worker's slots
   */
  public ShareWorker(String name, Map<String, Object> consumerProperties, String topic, JobKinds kinds,
      JobRunner runner, SognoJson json, Duration heartbeat, boolean interruptOnCancel, String shareGroup,
      MessageTracing tracing, JobTelemetry telemetry) {
    this.name = name;
    this.handlerThreads = daemons("sogno-job-delivery-" + name);
    this.telemetry = telemetry;
    this.shareGroup = shareGroup;
    this.tracing = tracing;
    this.consumerProperties = consumerProperties;
    this.topic = topic;
    this.kinds = kinds;
    this.runner = runner;
    this.json = json;
    this.heartbeat = heartbeat;
    this.interruptOnCancel = interruptOnCancel;
  }

  @Override
  public void run() {
    consumer = new KafkaShareConsumer<>(consumerProperties);
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        try {
          ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
          if (!records.isEmpty() && !settle(records)) {
            return; // crashed
          }
          // no commit here: the acknowledgements go with the next poll's fetch, one round trip fewer;
          // close() commits what is still pending
        } catch (RetriableException e) { // the broker away for longer than a call may wait: keep the slot alive
          log.warn("Worker {} cannot reach Kafka; polling on", name, e);
        }
      }
    } catch (WakeupException | InterruptException e) {
      // stopping
    } catch (RuntimeException e) {
      if (!crashed) {
        log.error("Worker {} stopped", name, e);
      }
    } finally {
      handlerThreads.shutdown();
      jobThreads.shutdown(); // a job still running finishes on its own
      if (!crashed) {
        consumer.close(Duration.ofSeconds(5));
      }
    }
  }

  /**
   * Handles the records of one poll, each on a thread of its own, and acknowledges each as it ended
   * once all have (the acknowledgements go with the next fetch); every heartbeat until then,
   * acknowledges those that ended and renews the acquisition locks of those still running. False if
   * this worker crashed meanwhile: then nothing is acknowledged.
   */
  private boolean settle(ConsumerRecords<String, byte[]> records) {
    List<Delivery> deliveries = new ArrayList<>(records.count());
    if (records.count() == 1) { // handled on this thread, which renews its lock between heartbeats
      deliveries.add(new Delivery(records.iterator().next(), null));
      AcknowledgeType ack = handleReleasingIfUnavailable(deliveries.get(0).record(), () -> renew(deliveries));
      if (crashed) {
        return false;
      }
      acknowledge(deliveries.get(0).record(), ack);
      return true;
    }
    for (ConsumerRecord<String, byte[]> record : records) {
      deliveries.add(new Delivery(record, CompletableFuture.supplyAsync(
          () -> handleReleasingIfUnavailable(record, () -> {}), handlerThreads))); // this thread renews the locks
    }
    while (true) {
      CompletableFuture<?>[] outcomes = deliveries.stream().map(Delivery::ack).toArray(CompletableFuture[]::new);
      try {
        CompletableFuture.allOf(outcomes).get(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // some still run (a failed handling is rethrown below)
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
      if (crashed) {
        return false;
      }
      for (Iterator<Delivery> ended = deliveries.iterator(); ended.hasNext(); ) {
        Delivery delivery = ended.next();
        if (delivery.ack().isDone()) {
          acknowledge(delivery.record(), outcome(delivery));
          ended.remove();
        }
      }
      if (deliveries.isEmpty()) {
        return true;
      }
      renew(deliveries);
    }
  }

  /** The acknowledgement of an ended delivery; what its handling threw is rethrown as it was. */
  private static AcknowledgeType outcome(Delivery delivery) {
    try {
      return delivery.ack().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** The acknowledgement of a record; RELEASE when the job state cannot be reached. */
  private AcknowledgeType handleReleasingIfUnavailable(ConsumerRecord<String, byte[]> record, Runnable renewLock) {
    try {
      return handle(record, renewLock);
    } catch (JobStateUnavailableException e) {
      log.warn("Worker {} cannot reach the job state; job {} released for another delivery", name, record.key(), e);
      return AcknowledgeType.RELEASE;
    }
  }

  /** A record taken by this worker's consumer (as last renewed) and its acknowledgement once it ended. */
  private record Delivery(ConsumerRecord<String, byte[]> record, CompletableFuture<AcknowledgeType> ack) {}

  /**
   * Acknowledges the delivery as last renewed. A delivery whose lock could not be renewed (the broker
   * was away) may no longer be acknowledgeable: its lock then expires and the broker delivers it again.
   */
  private void acknowledge(ConsumerRecord<String, byte[]> record, AcknowledgeType ack) {
    if (ack == null) { // crashed while it ended: a killed process acknowledges nothing
      return;
    }
    try {
      consumer.acknowledge(record, ack);
    } catch (IllegalStateException e) {
      log.warn("Worker {} cannot acknowledge job {} ({}); it is delivered again when its lock expires", name,
          record.key(), e.getMessage());
    }
  }

  /** The jobs this worker runs now (each from its claim to its recorded outcome). */
  public int busy() {
    return busy.get();
  }

  /** Stops after the current jobs; unacknowledged deliveries are released by the consumer's close. */
  public void stop() {
    running = false;
    KafkaShareConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
  }

  /**
   * Simulates a process kill for tests: from now on this worker neither writes nor acknowledges, and
   * its consumer is abandoned unclosed, so the broker gets the record back only when its acquisition
   * lock expires.
   */
  public void crash() {
    crashed = true;
    running = false;
  }

  /** Closes a crashed worker's abandoned consumer (test clean-up). */
  public void closeAbandoned() {
    KafkaShareConsumer<String, byte[]> current = consumer;
    if (current != null && crashed) {
      current.close(Duration.ZERO);
    }
  }

  /** Handles a job request under its span. */
  private AcknowledgeType handle(ConsumerRecord<String, byte[]> record, Runnable renewLock) {
    int attempt = record.deliveryCount().map(Short::intValue).orElse(1);
    MessageTracing.Run span = tracing.running(record, shareGroup, header(record, KIND_HEADER), attempt);
    AcknowledgeType ack = null;
    try {
      ack = handle(record, attempt, span, renewLock);
      return ack;
    } finally {
      span.ended(ack == null ? null : ack.name().toLowerCase(Locale.ROOT));
    }
  }

  private AcknowledgeType handle(ConsumerRecord<String, byte[]> record, int attempt, MessageTracing.Run span,
      Runnable renewLock) {
    String jobId = record.key();
    Optional<JobKinds.Kind<?>> kind = Optional.ofNullable(header(record, KIND_HEADER)).flatMap(kinds::kind);
    if (jobId == null) {
      log.warn("Rejecting a job request without a job id at {}-{}@{}", topic, record.partition(), record.offset());
      return AcknowledgeType.REJECT;
    }
    if (kind.isEmpty()) {
      runner.fail(jobId, JobRunner.problem("job-kind-unknown", "Unknown job kind",
          "No worker runs jobs of kind '" + header(record, KIND_HEADER) + "'"));
      return AcknowledgeType.REJECT;
    }
    Object request;
    try {
      request = json.read(record.value(), kind.get().requestType());
    } catch (JsonException | NullPointerException e) {
      runner.fail(jobId, JobRunner.problem("job-request-unreadable", "Unreadable job request",
          "The request of this job cannot be read as a " + kind.get().name() + " request"));
      return AcknowledgeType.REJECT;
    }
    Optional<JobRecord> claimed = runner.claim(jobId, name, attempt);
    if (claimed.isEmpty()) {
      return AcknowledgeType.ACCEPT; // cancelled while queued, expired, or finished by an earlier delivery
    }
    return run(claimed.get(), attempt, kind.get().work(request), span, renewLock);
  }

  /**
   * Runs a claimed job to its outcome, renewing its lease meanwhile and, through {@code renewLock}, its
   * acquisition lock (a no-op when the polling thread renews it); timed and traced as one run of {@link
   * JobTelemetry}, its span current on the job's thread.
   */
  private AcknowledgeType run(JobRecord claimed, int attempt,
      JobKinds.KindWork<?> work, MessageTracing.Run span, Runnable renewLock) {
    String jobId = claimed.id();
    JobTelemetry.Run run = telemetry.started(claimed, attempt);
    busy.incrementAndGet();
    RemoteContext context = new RemoteContext(jobId);
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Future<?> task = jobThreads.submit(() -> {
      try (JobTelemetry.Scope ignored = run.enter()) {
        context.execute(work, outcome);
      }
    });
    Throwable failure = null;
    try {
      while (true) {
        try {
          Object result = outcome.get(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
          return crashed ? null : runner.finish(jobId, result, null, context.cancelRequested, attempt);
        } catch (ExecutionException e) {
          failure = e.getCause();
          span.failed(failure);
          return crashed ? null : runner.finish(jobId, null, failure, context.cancelRequested, attempt);
        } catch (TimeoutException e) {
          if (crashed) {
            return null;
          }
          if (!context.cancelRequested && runner.cancelRequested(jobId)) {
            context.cancelRequested = true;
            if (interruptOnCancel) {
              task.cancel(true); // interrupts the job's thread while it runs this job
            }
          }
          renewLock.run();
          runner.heartbeat(jobId);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          task.cancel(true);
          throw new InterruptException(e);
        }
      }
    } finally {
      busy.decrementAndGet();
      if (!crashed) { // a killed process records nothing
        run.ended(runner.job(jobId).orElse(null), failure);
      }
    }
  }

  /**
   * Extends the acquisition locks of the deliveries still running; the consumer hands renewed records
   * back on a later poll, which replace them (other records it takes meanwhile are released: the slots
   * are busy).
   */
  private void renew(List<Delivery> deliveries) {
    for (Delivery delivery : deliveries) {
      consumer.acknowledge(delivery.record(), AcknowledgeType.RENEW);
    }
    consumer.commitSync();
    long deadline = System.nanoTime() + heartbeat.toNanos();
    int missing = deliveries.size();
    while (missing > 0 && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        int index = indexOf(deliveries, record);
        if (index >= 0) {
          deliveries.set(index, new Delivery(record, deliveries.get(index).ack()));
          missing--;
        } else {
          consumer.acknowledge(record, AcknowledgeType.RELEASE); // this worker's slots are busy
        }
      }
    }
    if (missing > 0) {
      log.warn("Worker {} did not get {} of its jobs back after renewing their locks", name, missing);
    }
  }

  private static int indexOf(List<Delivery> deliveries, ConsumerRecord<String, byte[]> record) {
    for (int i = 0; i < deliveries.size(); i++) {
      ConsumerRecord<String, byte[]> held = deliveries.get(i).record();
      if (held.partition() == record.partition() && held.offset() == record.offset()
          && held.topic().equals(record.topic())) {
        return i;
      }
    }
    return -1;
  }

  private static ExecutorService daemons(String name) {
    return Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The {@link JobContext} of a job run by this worker. */
  private final class RemoteContext implements JobContext {
    private final String jobId;
    volatile boolean cancelRequested;

    RemoteContext(String jobId) {
      this.jobId = jobId;
    }

    void execute(JobKinds.KindWork<?> work, CompletableFuture<Object> outcome) {
      Thread.currentThread().setName("sogno-job-" + jobId);
      try {
        outcome.complete(work.run(this));
      } catch (Throwable t) {
        outcome.completeExceptionally(t);
      }
    }

    @Override
    public String jobId() {
      return jobId;
    }

    @Override
    public void progress(int percent, String message) {
      JobProgress progress = JobProgress.of(percent, message);
      if (!crashed) {
        runner.progress(jobId, progress);
      }
    }

    @Override
    public boolean isCancellationRequested() {
      return cancelRequested;
    }
  }
}
