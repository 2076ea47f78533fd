package org.lfenergy.sogno.sdk.async.server;

import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.internal.JobMetrics;
import org.lfenergy.sogno.sdk.async.internal.JobTracing;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;

/**
 * The metrics and spans of a job runtime, as its {@link ObservabilityConfig} asks: the one
 * instrumentation point of jobs, used by the {@link JobManager} and by runtimes that run jobs
 * outside it (durable or distributed workers), so every runtime records the same meters and spans.
 * Meter and span names are listed in the SDK's {@code docs/observability.md}.
 *
 * <ul>
 *   <li>{@link #traceContext()} at submission: the W3C trace context of the current span, to keep
 *       with the job ({@link JobRecord#withTraceContext}).
 *   <li>{@link #started} when a worker starts a run, {@link Run#enter()} around the work (the run's
 *       span is then current), {@link Run#ended} when it ends: a span linked to the submitter's span
 *       and a duration by kind and outcome.
 *   <li>{@link #refused} for each refused submission, {@link #gauges} for the jobs waiting and
 *       running.
 * </ul>
 *
 * <p>{@link #NONE} (also what {@link #of} gives for {@link ObservabilityConfig#defaults()}) records
 * nothing and allocates nothing per job; Micrometer and OpenTelemetry classes are loaded only when
 * configured, so both stay optional. Thread-safe. {@link #close()} removes the gauges.
 */
public final class JobTelemetry implements AutoCloseable {
  /** Records nothing. */
  public static final JobTelemetry NONE = new JobTelemetry(null, null);

  private final JobMetrics metrics;
  private final JobTracing tracing;

  private JobTelemetry(JobMetrics metrics, JobTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /** The telemetry {@code config} asks for; {@link #NONE} when it configures neither metrics nor tracing. */
  public static JobTelemetry of(ObservabilityConfig config) {
    Objects.requireNonNull(config, "config");
    if (!config.hasMetrics() && !config.hasTracing()) {
      return NONE;
    }
    return new JobTelemetry(config.hasMetrics() ? new JobMetrics(config.meterRegistry().orElseThrow()) : null,
        config.hasTracing() ? new JobTracing(config.openTelemetry().orElseThrow()) : null);
  }

  /**
   * The trace context to keep with a job submitted now: the current span's W3C {@code traceparent},
   * followed by {@code ;} and its {@code tracestate} when there is one; null without tracing or
   * without a valid current span.
   */
  public String traceContext() {
    return tracing == null ? null : tracing.currentContext();
  }

  /**
   * Registers the {@code sogno.jobs.queued} and {@code sogno.jobs.running} gauges, read from the
   * suppliers when the registry is scraped; a no-op without metrics.
   */
  public void gauges(IntSupplier queued, IntSupplier running) {
    if (metrics != null) {
      metrics.gauges(queued, running);
    }
  }

  /** Counts a refused submission of a job of {@code kind} (null when unknown). */
  public void refused(String kind, Refusal reason) {
    if (metrics != null) {
      metrics.refused(kind == null ? "none" : kind, reason.tag());
    }
  }

  /**
   * A worker starts a run of {@code record}'s job: starts its span and its timer. The span is linked
   * to the submitter's span ({@link JobRecord#traceContext()}); its parent is the span current on this
   * thread (e.g. a distributed worker's delivery span), else the submitter's.
   *
   * @param attempt the run's number, from 1
   */
  public Run started(JobRecord record, int attempt) {
    if (this == NONE) {
      return Run.NONE;
    }
    String kind = record.job().kind().orElse(null);
    return new Run(metrics, kind,
        tracing == null ? null : tracing.start(record.id(), kind, attempt, record.traceContext().orElse(null)));
  }

  /** Removes the gauges; timers and counters stay (they are cumulative). */
  @Override
  public void close() {
    if (metrics != null) {
      metrics.close();
    }
  }

  /** Why a submission was refused: the {@code reason} tag of {@code sogno.jobs.refused}. */
  public enum Refusal {
    /** All workers busy and the queue full ({@code 503 queue-full}). */
    QUEUE_FULL,
    /** The runtime is draining or closed ({@code 503 queue-full}). */
    SHUTTING_DOWN,
    /** The store is at capacity ({@code 503 queue-full}). */
    STORE_FULL,
    /** The store cannot be reached ({@code 503 job-state-unavailable}). */
    STORE_UNAVAILABLE,
    /** The idempotency key came with another request ({@code 422 idempotency-key-reused}). */
    IDEMPOTENCY_CONFLICT,
    /** The dispatcher could not hand the job to a worker ({@code 503 queue-full}). */
    DISPATCH_REJECTED,
    /** The dispatcher cannot run the work, e.g. an unregistered kind. */
    UNRUNNABLE;

    /** The tag value, e.g. {@code queue_full}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One run of a job; not thread-safe (the worker running the job uses it). */
  public static final class Run {
    static final Run NONE = new Run(null, null, null);

    private final JobMetrics metrics;
    private final String kind;
    private final JobTracing.JobSpan span;
    private final long startNanos;

    private Run(JobMetrics metrics, String kind, JobTracing.JobSpan span) {
      this.metrics = metrics;
      this.kind = kind == null ? "none" : kind;
      this.span = span;
      this.startNanos = metrics == null ? 0 : System.nanoTime();
    }

    /** Makes the run's span current on this thread (so the work's calls continue its trace) until closed. */
    public Scope enter() {
      return span == null ? Scope.NONE : span.enter();
    }

    /**
     * The run ended: records its duration and ends its span with the outcome — the status of {@code
     * job} if terminal, else {@code interrupted} (the run did not end the job: re-queued on a drain, a
     * lease lost, the outcome not recorded).
     *
     * @param job the job after the run, null if unknown
     * @param failure what the work threw, null if it returned
     */
    public void ended(Job job, Throwable failure) {
      if (this == NONE) {
        return;
      }
      String outcome = job != null && job.isTerminal() ? job.status().value() : "interrupted";
      if (metrics != null) {
        metrics.ran(kind, outcome, System.nanoTime() - startNanos);
      }
      if (span != null) {
        span.ended(outcome, job == null ? null : job.problem().orElse(null), failure);
      }
    }
  }

  /** A span made current, until closed. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    Scope NONE = () -> {};

    @Override
    void close();
  }
}
