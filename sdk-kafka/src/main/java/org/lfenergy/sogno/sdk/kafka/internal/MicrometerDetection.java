package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.Optional;
import org.lfenergy.sogno.sdk.kafka.MessagingMetrics;

/** Looks for Micrometer without linking to it, so the SDK runs without it on the classpath. */
public final class MicrometerDetection {
  private static final String REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

  private MicrometerDetection() {}

  public static boolean micrometerPresent() {
    try {
      Class.forName(REGISTRY, false, MicrometerDetection.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Meters in {@code Metrics.globalRegistry}, when Micrometer is there. */
  public static Optional<MessagingMetrics> globalRegistryMetrics() {
    if (!micrometerPresent()) {
      return Optional.empty();
    }
    return Optional.of(GlobalRegistry.metrics());
  }

  /** Loaded only after the check above, so its Micrometer references resolve. */
  private static final class GlobalRegistry {
    static MessagingMetrics metrics() {
      return org.lfenergy.sogno.sdk.kafka.micrometer.MicrometerMessagingMetrics.of(
          io.micrometer.core.instrument.Metrics.globalRegistry);
    }
  }
}
