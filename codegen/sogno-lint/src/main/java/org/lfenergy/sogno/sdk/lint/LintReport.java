package org.lfenergy.sogno.sdk.lint;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lfenergy.sogno.sdk.lint.internal.TextFiles;
import org.lfenergy.sogno.sdk.lint.internal.SarifWriter;

/**
 * The outcome of linting one spec: every finding in source order (suppressed ones included and
 * marked), whether the build should fail, and the report formats.
 *
 * <p>Immutable and thread-safe.
 */
public final class LintReport {

    private final String fileName;
    private final List<Finding> findings;
    private final Level threshold;
    private final List<RuleInfo> rules;

    LintReport(String fileName, List<Finding> findings, Level threshold, List<RuleInfo> rules) {
        this.fileName = fileName;
        this.findings = List.copyOf(findings);
        this.threshold = threshold;
        this.rules = List.copyOf(rules);
    }

    /** The linted file, as findings name it. */
    public String fileName() {
        return fileName;
    }

    /** Every finding, ordered by line, column and rule; suppressed ones included. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings no {@code x-sogno-lint-ignore} entry covers. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    /** The findings an {@code x-sogno-lint-ignore} entry covers. */
    public List<Finding> suppressedFindings() {
        return findings.stream().filter(Finding::isSuppressed).toList();
    }

    /** The IDs of the rules with at least one active finding, sorted. */
    public Set<String> ruleIds() {
        TreeSet<String> ids = new TreeSet<>();
        activeFindings().forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    /** The level at or above which an active finding fails the build; empty when nothing fails it. */
    public Optional<Level> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** The active findings at or above the threshold. */
    public List<Finding> failures() {
        return threshold == null ? List.of()
                : activeFindings().stream().filter(f -> f.level().isAtLeast(threshold)).toList();
    }

    /** Tells whether the build should fail: some active finding is at or above the threshold. */
    public boolean failed() {
        return !failures().isEmpty();
    }

    /** The findings as {@code RULE-ID LEVEL file:line message} lines. */
    public List<String> lines() {
        return findings.stream().map(Finding::format).toList();
    }

    /** A one-line summary, e.g. {@code api.yaml: 3 MUST, 1 SHOULD, 0 MAY (2 suppressed)}. */
    public String summary() {
        List<Finding> active = activeFindings();
        return fileName + ": " + count(active, Level.MUST) + " MUST, " + count(active, Level.SHOULD) + " SHOULD, "
                + count(active, Level.MAY) + " MAY (" + suppressedFindings().size() + " suppressed)";
    }

    private static long count(List<Finding> findings, Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /** The report as a SARIF 2.1.0 log, for code-scanning UIs. */
    public String toSarif() {
        return toSarif(List.of(this));
    }

    /**
     * Several reports (one run over several specs) as one SARIF 2.1.0 log: one run, the findings of
     * every report in the given order.
     *
     * @throws NullPointerException if {@code reports} or an element is null
     */
    public static String toSarif(List<LintReport> reports) {
        String version = LintReport.class.getPackage().getImplementationVersion();
        return toSarif(reports, "sogno-lint", version == null ? "dev" : version);
    }

    static String toSarif(List<LintReport> reports, String tool, String version) {
        List<Finding> all = reports.stream().flatMap(report -> report.findings.stream()).toList();
        return SarifWriter.write(reports.isEmpty() ? Linter.rules() : reports.get(0).rules, all, tool, version);
    }

    /**
     * A report of findings another SOGNO checker made (the conformance checker), so that it is
     * written in the same {@link ReportFormat}s; the rules are the guidelines' rules.
     *
     * @param threshold the level at or above which a finding fails the run; null for none
     * @throws NullPointerException if {@code fileName} or {@code findings} is null
     */
    public static LintReport of(String fileName, List<Finding> findings, Level threshold) {
        return new LintReport(java.util.Objects.requireNonNull(fileName, "fileName"), findings, threshold,
                Linter.rules());
    }

    /**
     * Writes {@link #toSarif()} to {@code target}, creating parent directories.
     *
     * @throws UncheckedIOException if writing fails
     */
    public Path writeSarif(Path target) {
        return TextFiles.write(target, toSarif(), "the SARIF report");
    }

    @Override
    public String toString() {
        return summary();
    }
}
