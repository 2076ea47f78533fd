package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Shrinkable;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;

/**
 * Checks one operation: the spec's example (without one, a generated request) and generated valid
 * requests (a failing generated one shrunk with jqwik to a minimal request that still fails the same
 * check), the job a {@code 202} starts, {@code Prefer: wait}, the refusal of a request without
 * credentials, and one invalid request per mutation (applied to the shrinking candidates too).
 */
final class OperationRun {
  private static final int CANDIDATES_PER_STEP = 8;
  private static final int CANDIDATES_SORTED = 64;

  private final Operation operation;
  private final URI base;
  private final Requests requests;
  private final ResponseChecks checks;
  private final JobFollower jobs;
  private final ConformanceConfig config;
  private final SpecDocument document;
  private final Consumer<Observation> sink;
  private boolean jobFollowed;

  OperationRun(Operation operation, RunContext context, Consumer<Observation> sink) {
    this.operation = operation;
    this.base = context.base();
    this.requests = context.requests();
    this.checks = context.checks();
    this.jobs = context.jobs();
    this.config = context.config();
    this.document = context.document();
    this.sink = sink;
  }

  void run(Random random) {
    RequestGenerator generator = new RequestGenerator(document, operation);
    Shrinkable<RequestValues> first = generator.next(random);
    Shrinkable<RequestValues> base = operation.body()
        .filter(b -> !b.example().isMissingNode() && !b.example().isNull())
        .map(b -> Shrinkable.unshrinkable(first.value().withBody(b.example().deepCopy()))).orElse(first);
    RequestValues example = base.value();
    Function<RequestValues, Optional<Probe>> plain = values -> Optional.of(values.toProbe(this.base, operation));
    check(base, plain, this::valid);
    if (operation.startsJob()) {
      Probe waiting = requests.prepare(example.toProbe(this.base, operation).withHeader("Prefer", "wait=5"));
      Exchange exchange = requests.send(waiting);
      report(exchange, preferWait(exchange));
    }
    if (operation.secured()) {
      Exchange exchange = requests.send(requests.anonymous(example.toProbe(this.base, operation)));
      List<Violation> found = new ArrayList<>(checks.common(exchange));
      if (exchange.answered() && exchange.status() != 401) {
        found.add(new Violation(ConformanceCheck.AUTHENTICATION_REQUIRED, "401 without credentials",
            exchange.summary()));
      }
      report(exchange, found);
    }
    for (Mutation mutation : Mutations.of(document, operation, example)) {
      check(base, values -> mutation.apply(values, this.base, operation),
          exchange -> invalid(exchange, mutation.describe()));
    }
    for (int i = 1; i <= config.validRequestsPerOperation() && requests.canSend(); i++) {
      check(generator.next(random), plain, this::valid);
    }
  }

  private void check(Shrinkable<RequestValues> values, Function<RequestValues, Optional<Probe>> build,
      Function<Exchange, List<Violation>> evaluate) {
    Optional<Probe> probe = build.apply(values.value());
    if (probe.isEmpty()) {
      return;
    }
    Exchange exchange = requests.send(requests.prepare(probe.get()));
    for (Violation violation : evaluate.apply(exchange)) {
      sink.accept(shrink(values, build, evaluate, new Observation(exchange.probe(), violation)));
    }
  }

  /**
   * Greedy shrinking: of jqwik's next shrinking candidates, the smallest ones (by shrinking distance)
   * are sent first; the first that fails the same check replaces the current request.
   */
  private Observation shrink(Shrinkable<RequestValues> start, Function<RequestValues, Optional<Probe>> build,
      Function<Exchange, List<Violation>> evaluate, Observation initial) {
    Shrinkable<RequestValues> current = start;
    Observation best = initial;
    int attempts = config.shrinkAttempts();
    boolean improved = true;
    while (improved && attempts > 0) {
      improved = false;
      Iterator<Shrinkable<RequestValues>> candidates = current.shrink().limit(CANDIDATES_SORTED).sorted()
          .limit(CANDIDATES_PER_STEP).iterator();
      while (candidates.hasNext() && attempts > 0 && requests.canSend()) {
        Shrinkable<RequestValues> candidate = candidates.next();
        Optional<Probe> probe = build.apply(candidate.value());
        if (probe.isEmpty()) {
          continue;
        }
        attempts--;
        Exchange exchange = requests.send(requests.prepare(probe.get()));
        Optional<Violation> same = evaluate.apply(exchange).stream()
            .filter(v -> v.check() == initial.violation().check()).findFirst();
        if (same.isPresent()) {
          current = candidate;
          best = new Observation(exchange.probe(), same.get());
          improved = true;
          break;
        }
      }
    }
    return best;
  }

  private List<Violation> valid(Exchange exchange) {
    List<Violation> found = checks.check(operation, exchange);
    if (operation.startsJob() && exchange.status() == 200) {
      found.add(new Violation(ConformanceCheck.LONG_RUNNING_IS_JOB,
          "202 Accepted with a job (200 only for Prefer: wait=N)", exchange.summary()));
    }
    if (operation.startsJob() && exchange.status() == 202) {
      List<String> missing = new ArrayList<>();
      if (exchange.header("Location").isEmpty()) {
        missing.add("Location");
      }
      if (exchange.header("Retry-After").isEmpty()) {
        missing.add("Retry-After");
      }
      if (!missing.isEmpty()) {
        found.add(new Violation(ConformanceCheck.JOB_ACCEPTED_HEADERS, "202 with Location and Retry-After",
            "202 without " + String.join(" and ", missing)));
      } else if (!jobFollowed) {
        jobFollowed = true;
        jobs.follow(exchange).forEach(sink);
      }
    }
    return found;
  }

  private List<Violation> preferWait(Exchange exchange) {
    List<Violation> found = checks.check(operation, exchange);
    if (exchange.status() == 200 && exchange.header("Preference-Applied").isEmpty()) {
      found.add(new Violation(ConformanceCheck.PREFER_WAIT_HONOURED, "Preference-Applied: wait=N with a 200",
          "200 without Preference-Applied"));
    }
    return found;
  }

  private List<Violation> invalid(Exchange exchange, String what) {
    List<Violation> found = checks.check(operation, exchange);
    if (!exchange.answered() || exchange.status() < 400 || exchange.status() >= 500) {
      found.add(new Violation(ConformanceCheck.INVALID_REQUEST_REJECTED, "a 4xx problem for " + what,
          exchange.summary()));
    }
    return found;
  }

  private void report(Exchange exchange, List<Violation> violations) {
    violations.forEach(v -> sink.accept(new Observation(exchange.probe(), v)));
  }
}
