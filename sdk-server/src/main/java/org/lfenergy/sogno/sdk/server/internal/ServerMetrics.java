package org.lfenergy.sogno.sdk.server.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The server's Micrometer timer {@value #REQUESTS} (tags {@code operation}, {@code method}, {@code
 * status}, {@code outcome}). Loaded only when a registry is configured. Thread-safe; the timer is looked
 * up in the registry (which caches it) on each use, so a meter removed from it is registered again.
 */
final class ServerMetrics {
  static final String REQUESTS = "sogno.http.server.requests";

  private final MeterRegistry registry;

  ServerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void served(String operation, String method, int status, long nanos) {
    String code = Integer.toString(status);
    Timer.builder(REQUESTS)
        .description("Requests served by the SOGNO server runtime")
        .tags("operation", operation, "method", method, "status", code, "outcome", outcome(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  static String outcome(int status) {
    return status >= 500 ? "server_error" : status >= 400 ? "client_error" : status >= 300 ? "redirection" : "success";
  }
}
