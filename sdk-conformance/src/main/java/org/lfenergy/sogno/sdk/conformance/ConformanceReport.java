package org.lfenergy.sogno.sdk.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * The outcome of one run: the findings (each check once per operation, the first and shrunk
 * occurrence), how many requests were sent, and why the run stopped early when it did (budget or
 * time limit: the findings are then those of the part that ran). Immutable and thread-safe.
 */
public final class ConformanceReport {
  private final String spec;
  private final String baseUrl;
  private final List<ConformanceFinding> findings;
  private final int requestsSent;
  private final String stoppedEarly;

  ConformanceReport(String spec, String baseUrl, List<ConformanceFinding> findings, int requestsSent,
      String stoppedEarly) {
    this.spec = spec;
    this.baseUrl = baseUrl;
    this.findings = List.copyOf(findings);
    this.requestsSent = requestsSent;
    this.stoppedEarly = stoppedEarly;
  }

  /** The spec file, as the caller named it. */
  public String spec() {
    return spec;
  }

  /** The base URL checked. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Every finding. */
  public List<ConformanceFinding> findings() {
    return findings;
  }

  /** The findings of {@link Level#MUST} rules: any of them fails the run. */
  public List<ConformanceFinding> failures() {
    return findings.stream().filter(f -> f.level() == Level.MUST).toList();
  }

  /** Tells whether some finding is of a {@link Level#MUST} rule. */
  public boolean failed() {
    return !failures().isEmpty();
  }

  /** The rule IDs with findings, sorted. */
  public Set<String> ruleIds() {
    TreeSet<String> ids = new TreeSet<>();
    findings.forEach(f -> ids.add(f.ruleId()));
    return ids;
  }

  /** The requests sent. */
  public int requestsSent() {
    return requestsSent;
  }

  /** Why the run stopped before it checked everything (budget, time limit), or empty. */
  public Optional<String> stoppedEarly() {
    return Optional.ofNullable(stoppedEarly);
  }

  /** One line: {@code api.yaml at http://…: 2 MUST, 1 SHOULD, 120 requests}. */
  public String summary() {
    long must = failures().size();
    return spec + " at " + baseUrl + ": " + must + " MUST, " + (findings.size() - must) + " SHOULD, " + requestsSent
        + " requests" + (stoppedEarly == null ? "" : " (stopped early: " + stoppedEarly + ")");
  }

  /** Every finding's {@link ConformanceFinding#format()}, then the summary. */
  public String format() {
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append(f.format()).append('\n'));
    return text.append(summary()).append('\n').toString();
  }

  /**
   * The findings as a {@link LintReport} of the spec file, so that they are written in the linter's
   * formats: each at its operation's line, the message {@code operation: expected …; actual …;
   * reproduce: curl …}; MUST findings fail it.
   */
  public LintReport toLintReport() {
    List<Finding> converted = new ArrayList<>();
    for (ConformanceFinding f : findings) {
      int colon = f.location().lastIndexOf(':');
      int line = 1;
      try {
        line = Math.max(1, Integer.parseInt(f.location().substring(colon + 1)));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // a location without a line: the top of the file
      }
      String file = colon > 0 ? f.location().substring(0, colon) : spec;
      String message = f.operation() + ": expected " + f.expected() + "; actual " + f.actual()
          + (f.curl().isEmpty() ? "" : "; reproduce: " + f.curl());
      converted.add(new Finding(f.ruleId(), f.level(), message, file, line, 1, ""));
    }
    return LintReport.of(spec, converted, Level.MUST);
  }

  /** The report in one of the linter's formats, naming the tool {@code sogno-conformance}. */
  public String render(ReportFormat format) {
    String version = ConformanceReport.class.getPackage().getImplementationVersion();
    return format.render(List.of(toLintReport()), "sogno-conformance", version == null ? "dev" : version);
  }

  @Override
  public String toString() {
    return summary();
  }
}
