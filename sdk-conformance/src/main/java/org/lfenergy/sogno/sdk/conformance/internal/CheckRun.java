package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.sessions.JqwikSession;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.conformance.ConformanceException;
import org.lfenergy.sogno.sdk.conformance.ConformanceFinding;
import org.lfenergy.sogno.sdk.core.Authentication;

/**
 * One run against a service: health probes, a wrong method on every path, then every operation
 * ({@link OperationRun}), within the request budget and the time limit. Findings are kept once per
 * check, operation and kind of answer (its status: a 500 and a 200 to an invalid request are two
 * findings), the first, shrunk, occurrence.
 */
public final class CheckRun {
  private static final List<String> WRONG_METHODS = List.of("DELETE", "PATCH", "PUT", "POST", "GET");

  private final SpecDocument document;
  private final URI base;
  private final Requests requests;
  private final Transport transport;
  private final ResponseChecks checks;
  private final RunContext context;
  private final Random random;
  private final Map<String, ConformanceFinding> findings = new LinkedHashMap<>();

  /** The outcome: findings, requests sent, and why the run stopped early ({@code null} when it did not). */
  public record Result(List<ConformanceFinding> findings, int requestsSent, String stoppedEarly) {
  }

  public CheckRun(SpecDocument document, URI base, Authentication authentication, ConformanceConfig config) {
    this.document = document;
    this.base = base;
    long seed = config.seed().orElseGet(() -> new java.security.SecureRandom().nextLong());
    this.random = new Random(seed);
    this.transport = new Transport(base, config.requestBudget(), config.timeLimit());
    this.requests = new Requests(transport, authentication, seed);
    SchemaValidator validator = new SchemaValidator(document.root());
    this.checks = new ResponseChecks(document, validator);
    this.context = new RunContext(document, base, requests, checks,
        new JobFollower(requests, checks, validator, document.jobSchema(), config.jobTimeout()), config);
  }

  /**
   * Runs the checks; jqwik's generators run in a {@link JqwikSession} of their own, unless one is
   * active or the caller is inside a jqwik property (whose lifecycle they then use).
   *
   * @throws ConformanceException if nothing answers at the base URL
   */
  public Result run() {
    boolean ownSession = startSession();
    String stopped = null;
    try {
      health();
      wrongMethods();
      for (Operation operation : document.operations()) {
        new OperationRun(operation, context, o -> add(operation.id(), operation.location(), o)).run(random);
      }
    } catch (Transport.Exhausted e) {
      stopped = e.getMessage();
    } finally {
      if (ownSession) {
        JqwikSession.finish();
      }
    }
    return new Result(List.copyOf(findings.values()), transport.sent(), stopped);
  }

  private static boolean startSession() {
    if (JqwikSession.isActive()) {
      return false;
    }
    try {
      JqwikSession.start();
      return true;
    } catch (net.jqwik.api.JqwikException insideProperty) {
      return false;
    }
  }

  private void health() {
    for (String probePath : List.of("/health/live", "/health/ready")) {
      Probe probe = requests.prepare(Probe.of("GET", resolve(probePath)));
      Exchange exchange = requests.send(probe);
      if (!exchange.answered() && probePath.endsWith("live")) {
        throw new ConformanceException("Nothing answers at " + base + ": " + exchange.failure(), null);
      }
      List<Violation> found = new ArrayList<>(checks.common(exchange));
      boolean up = exchange.status() == 200 || probePath.endsWith("ready") && exchange.status() == 503;
      if (!up) {
        found.add(new Violation(ConformanceCheck.HEALTH_PROBES, probePath.endsWith("live") ? "200"
            : "200, or 503 while not ready", exchange.summary()));
      }
      found.forEach(v -> add("GET " + probePath, document.locate("/paths"), new Observation(probe, v)));
    }
  }

  private void wrongMethods() {
    Set<String> paths = new LinkedHashSet<>();
    document.operations().forEach(o -> paths.add(o.path()));
    for (String path : paths) {
      List<String> documented = document.methods(path);
      String method = WRONG_METHODS.stream().filter(m -> !documented.contains(m)).findFirst().orElse(null);
      Operation any = document.operations().stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow();
      if (method == null) {
        continue;
      }
      RequestValues values = new RequestGenerator(document, any).next(random).value().withBody(null);
      Probe probe = requests.prepare(values.toProbe(base, any).withMethod(method));
      Exchange exchange = requests.send(probe);
      List<Violation> found = new ArrayList<>(checks.common(exchange));
      if (exchange.status() != 405 || exchange.header("Allow").isEmpty()) {
        found.add(new Violation(ConformanceCheck.WRONG_METHOD_IS_405, "405 with Allow: " + String.join(", ", documented),
            exchange.summary() + (exchange.header("Allow").isPresent() ? "" : " without Allow")));
      }
      String where = method + " " + path;
      found.forEach(v -> add(where, any.location(), new Observation(exchange.probe(), v)));
    }
  }

  private URI resolve(String path) {
    String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    return base.resolve(prefix + path);
  }

  private void add(String operation, String location, Observation observation) {
    Violation v = observation.violation();
    String answer = v.actual().split(" ", 2)[0];
    findings.putIfAbsent(v.check() + " " + operation + " " + answer, new ConformanceFinding(v.check(), operation, v.expected(),
        v.actual(), observation.probe().curl(), location));
  }
}
