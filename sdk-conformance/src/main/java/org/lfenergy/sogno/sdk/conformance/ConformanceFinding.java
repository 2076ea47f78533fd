package org.lfenergy.sogno.sdk.conformance;

import java.util.Objects;
import org.lfenergy.sogno.sdk.lint.Level;

/**
 * One divergence of the running service from its spec or the guidelines: the check that failed, the
 * operation, what was expected and what came back, and the request that shows it as a {@code curl}
 * command line. The request is the smallest one found that still shows the divergence (generated
 * requests are shrunk). Credentials never appear in it: the token is written as {@code $SOGNO_TOKEN},
 * so the command reproduces the finding when that variable holds a token.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConformanceFinding {
  private final ConformanceCheck check;
  private final String operation;
  private final String expected;
  private final String actual;
  private final String curl;
  private final String location;

  /**
   * Creates a finding.
   *
   * @param operation the {@code operationId}, or {@code METHOD /path} for requests outside the spec
   * @param curl the reproducing request, or {@code ""} when none was sent (a spec that does not load)
   * @param location where in the spec, as {@code file:line}
   * @throws NullPointerException if an argument is null
   */
  public ConformanceFinding(ConformanceCheck check, String operation, String expected, String actual, String curl,
      String location) {
    this.check = Objects.requireNonNull(check, "check");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.expected = Objects.requireNonNull(expected, "expected");
    this.actual = Objects.requireNonNull(actual, "actual");
    this.curl = Objects.requireNonNull(curl, "curl");
    this.location = Objects.requireNonNull(location, "location");
  }

  /** The check that failed. */
  public ConformanceCheck check() {
    return check;
  }

  /** The guideline rule, e.g. {@code SOGNO-301}. */
  public String ruleId() {
    return check.ruleId();
  }

  /** The rule's level. */
  public Level level() {
    return check.level();
  }

  /** The {@code operationId}, or {@code METHOD /path} for a request the spec does not describe. */
  public String operation() {
    return operation;
  }

  /** What the spec or the guidelines ask for. */
  public String expected() {
    return expected;
  }

  /** What the service did. */
  public String actual() {
    return actual;
  }

  /** The reproducing request as a {@code curl} command line, secrets replaced by {@code $SOGNO_TOKEN}. */
  public String curl() {
    return curl;
  }

  /** Where the operation is in the spec, as {@code file:line}. */
  public String location() {
    return location;
  }

  /** One paragraph: rule, level, operation, expected, actual and the reproduction. */
  public String format() {
    String text = ruleId() + " " + level() + " " + location + " " + operation + ": expected " + expected
        + "; actual " + actual;
    return curl.isEmpty() ? text : text + "\n  reproduce: " + curl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConformanceFinding f && check == f.check && operation.equals(f.operation)
        && expected.equals(f.expected) && actual.equals(f.actual) && curl.equals(f.curl)
        && location.equals(f.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(check, operation, expected, actual, curl, location);
  }

  @Override
  public String toString() {
    return format();
  }
}
