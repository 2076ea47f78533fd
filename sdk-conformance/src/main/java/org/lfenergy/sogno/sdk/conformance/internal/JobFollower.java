package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;

/**
 * Follows the job a {@code 202} names: polls its {@code Location} (on the base URL's origin only;
 * another origin is never contacted), the first time with {@code Prefer: wait=2}, until it reports a
 * terminal status or the job timeout passes, then reads it once more to see that it stays terminal.
 * Every answer must be {@code 200} with the job shape, and carry {@code Retry-After} while the job is
 * not terminal; unknown statuses count as not terminal yet.
 */
final class JobFollower {
  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(30);

  private final Requests requests;
  private final ResponseChecks checks;
  private final SchemaValidator validator;
  private final Optional<Located> jobSchema;
  private final Duration jobTimeout;

  JobFollower(Requests requests, ResponseChecks checks, SchemaValidator validator, Optional<Located> jobSchema,
      Duration jobTimeout) {
    this.requests = requests;
    this.checks = checks;
    this.validator = validator;
    this.jobSchema = jobSchema;
    this.jobTimeout = jobTimeout;
  }

  List<Observation> follow(Exchange accepted) {
    List<Observation> found = new ArrayList<>();
    Optional<String> location = accepted.header("Location");
    if (location.isEmpty()) {
      return found;
    }
    URI job;
    try {
      job = accepted.probe().uri().resolve(location.get().trim());
    } catch (IllegalArgumentException e) {
      found.add(new Observation(accepted.probe(), new Violation(ConformanceCheck.JOB_ACCEPTED_HEADERS,
          "Location is a URI", location.get())));
      return found;
    }
    if (!requests.sameOrigin(job)) {
      return found;
    }
    long deadline = System.nanoTime() + jobTimeout.toNanos();
    String terminal = null;
    boolean first = true;
    while (System.nanoTime() < deadline) {
      Probe poll = requests.prepare(Probe.of("GET", job));
      Exchange exchange = requests.send(first ? poll.withHeader("Prefer", "wait=2") : poll, POLL_TIMEOUT);
      checks.common(exchange).forEach(v -> found.add(new Observation(exchange.probe(), v)));
      if (exchange.status() != 200) {
        found.add(observe(exchange, ConformanceCheck.JOB_LIFECYCLE, "200 with the job", exchange.summary()));
        return found;
      }
      if (first && exchange.header("Preference-Applied").isEmpty()) {
        found.add(observe(exchange, ConformanceCheck.PREFER_WAIT_HONOURED,
            "Preference-Applied: wait=N on a long poll answered 200", "no Preference-Applied"));
      }
      first = false;
      JsonNode body = ResponseChecks.parse(exchange.body());
      Optional<Violation> shape = shape(body);
      if (shape.isPresent()) {
        found.add(new Observation(exchange.probe(), shape.get()));
        return found;
      }
      String status = body.path("status").asText();
      if (terminal != null) {
        if (!status.equals(terminal)) {
          found.add(observe(exchange, ConformanceCheck.JOB_LIFECYCLE, "the terminal status " + terminal + " kept",
              status));
        }
        return found;
      }
      if (TERMINAL.contains(status)) {
        terminal = status;
      } else if (exchange.header("Retry-After").isEmpty()) {
        found.add(observe(exchange, ConformanceCheck.JOB_LIFECYCLE, "Retry-After while the job is " + status,
            "200 without Retry-After"));
        return found;
      } else {
        pause(exchange);
      }
    }
    found.add(new Observation(Probe.of("GET", job), new Violation(ConformanceCheck.JOB_LIFECYCLE,
        "a terminal status within " + jobTimeout, terminal == null ? "not terminal" : terminal)));
    return found;
  }

  private Optional<Violation> shape(JsonNode body) {
    if (body == null || !body.isObject() || !body.path("status").isTextual()) {
      return Optional.of(new Violation(ConformanceCheck.JOB_RESOURCE, "a job with a status",
          body == null ? "no JSON body" : body.toString()));
    }
    List<String> errors = jobSchema.map(schema -> validator.violations(schema, body)).orElse(List.of());
    return errors.isEmpty() ? Optional.empty()
        : Optional.of(new Violation(ConformanceCheck.JOB_RESOURCE, "a body matching Job", String.join("; ", errors)));
  }

  private static Observation observe(Exchange exchange, ConformanceCheck check, String expected, String actual) {
    return new Observation(exchange.probe(), new Violation(check, expected, actual));
  }

  private static void pause(Exchange exchange) {
    long millis = 200;
    try {
      millis = Math.max(100, Math.min(1000, Long.parseLong(exchange.header("Retry-After").orElse("0").trim()) * 1000));
    } catch (NumberFormatException e) {
      // an HTTP-date Retry-After: poll at the default pace
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Transport.Exhausted("interrupted");
    }
  }
}
