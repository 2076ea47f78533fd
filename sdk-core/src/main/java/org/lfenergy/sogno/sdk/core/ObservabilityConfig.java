package org.lfenergy.sogno.sdk.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * Where SDK components record metrics and traces: a Micrometer {@code MeterRegistry} and an
 * OpenTelemetry instance, both optional and both off by default. The same value configures every
 * component that observes itself ({@code SognoClient.Builder#observability}, the server runtime, …),
 * so one instance can serve the whole application.
 *
 * <p>Micrometer ({@code io.micrometer:micrometer-core}) and the OpenTelemetry API ({@code
 * io.opentelemetry:opentelemetry-api}) are optional dependencies: bring the one you use. Without
 * them on the class path, or with {@link #defaults()}, components record nothing and behave as they
 * would without this type; with the no-op OpenTelemetry (also what {@code GlobalOpenTelemetry.get()}
 * gives when no OpenTelemetry SDK is installed) tracing is off as well. The SDK never
 * configures an OpenTelemetry SDK or exporter: pass yours (or {@code GlobalOpenTelemetry.get()}).
 *
 * <p>Meter names, tags, span names and attributes are listed in the SDK's {@code
 * docs/observability.md}. Immutable and thread-safe; {@code toString()} names what is configured.
 */
public final class ObservabilityConfig {
  private static final ObservabilityConfig DEFAULTS = new Builder().build();

  // Held as Object so that this class loads without Micrometer or OpenTelemetry on the class path.
  private final Object meterRegistry;
  private final Object openTelemetry;

  private ObservabilityConfig(Builder builder) {
    this.meterRegistry = builder.meterRegistry;
    this.openTelemetry = builder.openTelemetry;
  }

  /** No metrics, no traces. */
  public static ObservabilityConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.meterRegistry = meterRegistry;
    builder.openTelemetry = openTelemetry;
    return builder;
  }

  /** The registry meters are recorded in, if any. Call only with Micrometer on the class path. */
  public Optional<MeterRegistry> meterRegistry() {
    return Optional.ofNullable((MeterRegistry) meterRegistry);
  }

  /** The OpenTelemetry spans are recorded with, if any. Call only with its API on the class path. */
  public Optional<OpenTelemetry> openTelemetry() {
    return Optional.ofNullable((OpenTelemetry) openTelemetry);
  }

  /** Whether a meter registry is configured; safe without Micrometer on the class path. */
  public boolean hasMetrics() {
    return meterRegistry != null;
  }

  /** Whether an OpenTelemetry is configured; safe without its API on the class path. */
  public boolean hasTracing() {
    return openTelemetry != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObservabilityConfig that && meterRegistry == that.meterRegistry
        && openTelemetry == that.openTelemetry;
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(meterRegistry), System.identityHashCode(openTelemetry));
  }

  @Override
  public String toString() {
    return "ObservabilityConfig{metrics=" + (meterRegistry == null ? "off" : meterRegistry.getClass().getSimpleName())
        + ", tracing=" + (openTelemetry == null ? "off" : "on") + "}";
  }

  /** Builds an {@link ObservabilityConfig}. Not thread-safe. */
  public static final class Builder {
    private Object meterRegistry;
    private Object openTelemetry;

    private Builder() {}

    /** Records metrics in {@code registry} (e.g. a {@code PrometheusMeterRegistry}). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Records spans with {@code openTelemetry}'s tracer and sends its trace context. One whose tracer
     * provider is the no-op one ({@code OpenTelemetry.noop()}, or {@code GlobalOpenTelemetry.get()}
     * when no OpenTelemetry SDK was installed) is taken as "no tracing".
     */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      Objects.requireNonNull(openTelemetry, "openTelemetry");
      this.openTelemetry = openTelemetry.getTracerProvider() == TracerProvider.noop() ? null : openTelemetry;
      return this;
    }

    public ObservabilityConfig build() {
      return new ObservabilityConfig(this);
    }
  }
}
