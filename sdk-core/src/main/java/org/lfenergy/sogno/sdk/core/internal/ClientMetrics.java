package org.lfenergy.sogno.sdk.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client's Micrometer meters (names and tags in {@code docs/observability.md}). Loaded only when a
 * registry is configured, so Micrometer stays optional. Thread-safe. Timers and counters are looked
 * up in the registry on each use (the registry caches them), so meters removed from it are registered
 * again rather than updated unseen. {@link #close()} removes the client's circuit-breaker gauges (they
 * read its breakers); timers and counters are cumulative and may be shared with other clients, so
 * they stay.
 */
final class ClientMetrics implements CircuitBreakerInterceptor.Listener {
  static final String CALLS = "sogno.http.client.requests";
  static final String RETRIES = "sogno.http.client.retries";
  static final String BREAKER_STATE = "sogno.http.client.circuit.state";
  static final String BREAKER_TRANSITIONS = "sogno.http.client.circuit.transitions";

  private final MeterRegistry registry;
  private final List<Meter> gauges = new CopyOnWriteArrayList<>();

  ClientMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void called(String operation, String method, int status, Throwable failure, long nanos) {
    String statusClass = CallOutcome.statusClass(status);
    String outcome = CallOutcome.of(status, failure);
    Timer.builder(CALLS)
        .description("Logical calls of the SOGNO HTTP client, retries included")
        .tags("operation", operation, "method", method, "status_class", statusClass, "outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void retried(String operation, String method, String reason) {
    counter(RETRIES, "Attempts sent again by the SOGNO HTTP client", "operation", operation, "method", method,
        "reason", reason).increment();
  }

  @Override
  public void created(CircuitBreaker breaker) {
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      gauges.add(Gauge.builder(BREAKER_STATE, breaker, b -> b.getState() == state ? 1 : 0)
          .description("1 for the circuit breaker's current state, 0 for the others")
          .tags("breaker", breaker.getName(), "state", name(state))
          .register(registry));
    }
  }

  @Override
  public void transitioned(CircuitBreaker breaker, CircuitBreaker.State from, CircuitBreaker.State to) {
    counter(BREAKER_TRANSITIONS, "Circuit breaker state changes", "breaker", breaker.getName(), "from", name(from),
        "to", name(to)).increment();
  }

  void close() {
    gauges.forEach(registry::remove);
    gauges.clear();
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  static String name(CircuitBreaker.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
