package org.lfenergy.sogno.samples.powerflow.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.lfenergy.sogno.samples.powerflow.client.generated.api.PowerflowsApi;
import org.lfenergy.sogno.samples.powerflow.client.generated.api.PowerflowsApi.ListBusResultsOptions;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.kafka.JobEventWaiter;
import org.lfenergy.sogno.sdk.core.PagedIterable;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * Solves power flows on the power-flow service through the client generated from its
 * {@code openapi.yaml} ({@link PowerflowsApi}): starts the job, reports its progress, waits for it
 * and returns the typed {@link PowerFlowResult}.
 *
 * <p>With Kafka settings the client waits for the job's terminal event on
 * {@code sogno.jobs.state-changed.v1} ({@link JobEventWaiter}) and polls only if no event comes
 * within {@code eventWait}; without, it long-polls the job through the generated {@code begin…}
 * method's {@link JobHandle}.
 *
 * <pre>{@code
 * try (PowerFlowClient client = PowerFlowClient.builder()
 *     .baseUrl(URI.create("http://localhost:8080"))
 *     .progress(System.out::println)
 *     .build()) {
 *   PowerFlowResult result = client.solve(PowerFlowCases.read(Path.of("ieee14.json")));
 *   System.out.print(BusTable.format(result));
 * }
 * }</pre>
 *
 * <p>{@link #busResults} iterates a finished power flow's buses page by page.
 *
 * <p>Thread-safe. {@link #solve} throws what {@link JobHandle#waitForCompletion(Duration)} throws:
 * {@code JobFailedException} with the service's problem when the power flow does not converge,
 * {@code JobTimeoutException}, or the SDK's {@code ApiException} (e.g. {@code
 * BadRequestException} with a pointer per invalid member) when the service refuses the grid.
 */
public final class PowerFlowClient implements AutoCloseable {
  private final OkHttpClient http = new OkHttpClient();
  private final PowerflowsApi powerflows;
  private final JobEventWaiter events;
  private final Consumer<String> progress;
  private final Duration timeout;
  private final Duration eventWait;

  private PowerFlowClient(Builder builder) {
    this.powerflows = new PowerflowsApi(SognoClient.builder()
        .baseUrl(Objects.requireNonNull(builder.baseUrl, "baseUrl").toString())
        .httpClient(http)
        .build());
    this.progress = builder.progress;
    this.timeout = builder.timeout;
    this.eventWait = builder.eventWait;
    // Started before any job, so it is positioned at the topic's end and misses no event.
    this.events = builder.kafka == null ? null : JobEventWaiter.start(builder.kafka);
  }

  /** A builder; {@code baseUrl} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a power flow on {@code request} and waits for its result. */
  public PowerFlowResult solve(PowerFlowRequest request) {
    return await(start(request));
  }

  /** Starts a power flow on {@code request}; its handle reports progress to this client's listener. */
  public JobHandle<PowerFlowResult> start(PowerFlowRequest request) {
    JobHandle<PowerFlowResult> job = powerflows.beginPowerFlow(request)
        .withUpdateListener(this::report);
    progress.accept("job " + job.jobId() + " accepted");
    return job;
  }

  /**
   * The bus results of the succeeded power flow {@code jobId}, in the order of its request, fetched
   * {@code pageSize} buses per request while the iteration advances: the generated {@code
   * listBusResultsPaged} follows each page's {@code next} cursor, so no caller handles cursors. Problems
   * surface mid-iteration as the SDK's typed exceptions ({@code NotFoundException} for an unknown job or
   * another principal's, {@code ConflictException} before it succeeded).
   */
  public PagedIterable<BusResult> busResults(String jobId, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }
    return powerflows.listBusResultsPaged(UUID.fromString(jobId), ListBusResultsOptions.defaults().limit(pageSize));
  }

  /** Waits for the job of {@link #start}, on Kafka events if configured, and returns its result. */
  public PowerFlowResult await(JobHandle<PowerFlowResult> job) {
    if (events != null) {
      progress.accept("waiting for the job's terminal event on Kafka");
      CompletableFuture<Job> event = events.terminal(job.jobId()); // the future awaitTerminal uses
      events.awaitTerminal(job, eventWait, timeout);
      progress.accept(event.isDone() ? "job " + job.jobId() + ": terminal event received from Kafka"
          : "job " + job.jobId() + ": terminal state seen by polling");
    }
    return job.waitForCompletion(timeout);
  }

  private void report(Job job) {
    StringBuilder line = new StringBuilder("job ").append(job.id()).append(": ")
        .append(job.status().value());
    job.progress().flatMap(JobProgress::percent).ifPresent(p -> line.append(' ').append(p).append('%'));
    job.progress().flatMap(JobProgress::message).ifPresent(m -> line.append(", ").append(m));
    progress.accept(line.toString());
  }

  /**
   * Stops the event consumer, if any, and closes idle connections (a server shutting down
   * gracefully would otherwise wait for them).
   */
  @Override
  public void close() {
    try {
      if (events != null) {
        events.close();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Builds a {@link PowerFlowClient}; not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private KafkaConfig kafka;
    private Consumer<String> progress = line -> { };
    private Duration timeout = Duration.ofMinutes(5);
    private Duration eventWait = Duration.ofSeconds(30);

    private Builder() {
    }

    /** The service, e.g. {@code http://localhost:8080}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Kafka to wait for job events on; null (the default) polls instead. */
    public Builder kafka(KafkaConfig kafka) {
      this.kafka = kafka;
      return this;
    }

    /** Receives one line per job state change seen (status, percent, message). */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** How long {@link #solve} waits in all (default 5 minutes). */
    public Builder timeout(Duration timeout) {
      this.timeout = requirePositive(timeout, "timeout");
      return this;
    }

    /** How long to wait for the terminal event before polling (default 30 s). */
    public Builder eventWait(Duration eventWait) {
      this.eventWait = requirePositive(eventWait, "eventWait");
      return this;
    }

    /** The client; with Kafka settings, returns once the event consumer is at the topic's end. */
    public PowerFlowClient build() {
      return new PowerFlowClient(this);
    }

    private static Duration requirePositive(Duration value, String name) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
