package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobDispatcher;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * Sends accepted jobs to the request topic (key = job id, header {@value ShareWorker#KIND_HEADER} =
 * kind, value = the request as JSON, and the submitter's trace context when tracing), and completes
 * long polls when the shared state shows the job terminal.
 */
public final class KafkaJobDispatcher implements JobDispatcher, AutoCloseable {
  private final String topic;
  private final JobKinds kinds;
  private final JobRunner runner;
  private final KafkaJobStore store;
  private final SognoJson json;
  private final Duration writeTimeout;
  private final KafkaProducer<String, byte[]> producer;
  private final MessageTracing tracing;
  private final ConcurrentHashMap<String, CompletableFuture<Job>> completions = new ConcurrentHashMap<>();

  public KafkaJobDispatcher(KafkaConfig settings, DistributedJobsConfig config, JobKinds kinds, JobRunner runner,
      KafkaJobStore store, SognoJson json, MessageTracing tracing) {
    this.topic = config.requestTopic();
    this.tracing = tracing;
    this.kinds = kinds;
    this.runner = runner;
    this.store = store;
    this.json = json;
    this.writeTimeout = config.writeTimeout();
    this.producer = new KafkaProducer<>(ClientProperties.producer(settings, "sogno-jobs-requests-" + config.replicaId(),
        writeTimeout, config.writeLinger()));
    store.observe(record -> {
      if (record.job().isTerminal()) {
        CompletableFuture<Job> waiting = completions.remove(record.id());
        if (waiting != null) {
          waiting.complete(record.job());
        }
      }
    });
  }

  @Override
  public void dispatch(JobRecord record, JobWork work) {
    if (!(work instanceof JobKinds.KindWork)) {
      runner.fail(record.id(), JobRunner.problem("job-not-distributable", "Job not distributable",
          "The job's work is not addressed by a registered kind"));
      throw new IllegalArgumentException(
          "Distributed jobs run work addressed by kind: submit JobKinds.work(kind, request), not a lambda");
    }
    JobKinds.KindWork<?> kindWork = (JobKinds.KindWork<?>) work;
    if (kinds.kind(kindWork.kind()).isEmpty()) {
      runner.fail(record.id(), JobRunner.problem("job-kind-unknown", "Unknown job kind",
          "No worker runs jobs of kind '" + kindWork.kind() + "'"));
      throw new IllegalArgumentException("Job kind '" + kindWork.kind() + "' is not registered with this runtime");
    }
    ProducerRecord<String, byte[]> request = new ProducerRecord<>(topic, record.id(), json.write(kindWork.request()));
    request.headers().add(ShareWorker.KIND_HEADER, kindWork.kind().getBytes(StandardCharsets.UTF_8));
    tracing.requested(request.headers());
    try {
      producer.send(request).get(writeTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS); // producer gives up first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw rejected(record, e);
    } catch (ExecutionException | TimeoutException e) {
      throw rejected(record, e);
    }
  }

  @Override
  public CompletableFuture<Job> completion(String jobId) {
    CompletableFuture<Job> future = completions.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    store.peek(jobId).filter(record -> record.job().isTerminal()).ifPresent(record -> {
      completions.remove(jobId, future);
      future.complete(record.job());
    });
    return future;
  }

  /** Forgets waits on jobs that are gone (expired or purged). */
  public void forgetGone() {
    completions.keySet().removeIf(id -> store.peek(id).isEmpty());
  }

  private RejectedExecutionException rejected(JobRecord record, Exception cause) {
    runner.fail(record.id(), JobRunner.problem("job-dispatch-failed", "Job not dispatched",
        "The job could not be handed to a worker"));
    RejectedExecutionException e = new RejectedExecutionException("Cannot send job " + record.id() + " to " + topic);
    e.initCause(cause);
    return e;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
