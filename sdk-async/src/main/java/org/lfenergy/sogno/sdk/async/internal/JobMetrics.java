package org.lfenergy.sogno.sdk.async.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job runtime's Micrometer meters (names and tags in {@code docs/observability.md}). Loaded only
 * when a registry is configured, so Micrometer stays optional. Thread-safe. Timers and counters are
 * looked up in the registry on each use (it caches them); {@link #close()} removes the gauges, which
 * read the runtime's state.
 */
public final class JobMetrics {
  private static final Logger log = LoggerFactory.getLogger(JobManagerConfig.LOGGER_NAME);
  public static final String QUEUED = "sogno.jobs.queued";
  public static final String RUNNING = "sogno.jobs.running";
  public static final String DURATION = "sogno.jobs.duration";
  public static final String REFUSED = "sogno.jobs.refused";

  private final MeterRegistry registry;
  private final List<Meter> gauges = new CopyOnWriteArrayList<>();

  public JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Registers the gauges of jobs waiting and running, read from the runtime when scraped; a negative
   * count (unknown, e.g. the database is down) reads as NaN. The gauges hold the suppliers strongly
   * (Micrometer's default is a weak reference, and callers pass method references nothing else keeps,
   * which read NaN after the next garbage collection); {@link #close()} lets them go.
   *
   * <p>A registry holds one job runtime's gauges: when another runtime's are in it already, this one
   * registers none and says so in a WARN, so that neither reports the other's jobs and closing this
   * runtime leaves the other's gauges in place.
   */
  public void gauges(IntSupplier queued, IntSupplier running) {
    if (registry.find(QUEUED).gauge() != null || registry.find(RUNNING).gauge() != null) {
      log.warn("The meter registry holds another job runtime's {} and {} gauges already; this runtime's jobs are"
          + " not counted in them (give each job runtime a registry of its own)", QUEUED, RUNNING);
      return;
    }
    gauges.add(Gauge.builder(QUEUED, queued, JobMetrics::count).strongReference(true)
        .description("Accepted jobs waiting for a worker").register(registry));
    gauges.add(Gauge.builder(RUNNING, running, JobMetrics::count).strongReference(true)
        .description("Jobs running on this instance's workers").register(registry));
  }

  private static double count(IntSupplier count) {
    int value = count.getAsInt();
    return value < 0 ? Double.NaN : value;
  }

  /** One run of a job ended with {@code outcome} after {@code nanos}. */
  public void ran(String kind, String outcome, long nanos) {
    Timer.builder(DURATION)
        .description("Runs of jobs, from start on a worker to their end")
        .tags("kind", kind, "outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A submission was refused for {@code reason}. */
  public void refused(String kind, String reason) {
    Counter.builder(REFUSED).description("Job submissions refused").tags("kind", kind, "reason", reason)
        .register(registry).increment();
  }

  public void close() {
    gauges.forEach(registry::remove);
    gauges.clear();
  }
}
