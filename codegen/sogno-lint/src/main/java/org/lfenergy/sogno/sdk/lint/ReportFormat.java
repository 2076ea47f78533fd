package org.lfenergy.sogno.sdk.lint;

import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.sdk.lint.internal.TextFiles;
import org.lfenergy.sogno.sdk.lint.internal.reports.GithubReport;
import org.lfenergy.sogno.sdk.lint.internal.reports.GitlabReport;
import org.lfenergy.sogno.sdk.lint.internal.reports.JsonReport;
import org.lfenergy.sogno.sdk.lint.internal.reports.JunitReport;
import org.lfenergy.sogno.sdk.lint.internal.reports.TextReport;

/**
 * The report formats of the SOGNO checkers ({@code sogno-lint}, the conformance checker), each
 * rendering the reports of one run as one text. Stateless and thread-safe.
 */
public enum ReportFormat {
    /** {@code RULE-ID LEVEL file:line message} lines (as {@code sogno:lint} prints them) and a summary per spec. */
    TEXT,
    /** One JSON object: the tool, its version, and each spec's findings. */
    JSON,
    /** SARIF 2.1.0, one run over every spec. */
    SARIF,
    /** JUnit XML: a test suite per spec, a test case per finding. */
    JUNIT,
    /** GitHub Actions workflow commands that annotate pull requests. */
    GITHUB,
    /** GitLab Code Quality report (a JSON array of issues). */
    GITLAB;

    /**
     * Renders the reports of one run of {@code tool} (named in the JSON, SARIF and JUnit forms).
     *
     * @throws NullPointerException if an argument is null
     */
    public String render(List<LintReport> reports, String tool, String version) {
        return switch (this) {
            case TEXT -> TextReport.render(reports, tool, version);
            case JSON -> JsonReport.render(reports, tool, version);
            case SARIF -> LintReport.toSarif(reports, tool, version);
            case JUNIT -> JunitReport.render(reports, tool, version);
            case GITHUB -> GithubReport.render(reports, tool, version);
            case GITLAB -> GitlabReport.render(reports, tool, version);
        };
    }

    /**
     * Writes a rendered report to {@code target}, creating its parent directories.
     *
     * @return {@code target}
     * @throws java.io.UncheckedIOException if writing fails
     */
    public static java.nio.file.Path write(java.nio.file.Path target, String report) {
        return TextFiles.write(target, report, "the report");
    }

    /** Tells whether this is the human-readable text format (summaries belong in it). */
    public boolean isText() {
        return this == TEXT;
    }

    /**
     * The format of a {@code --format} value, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ReportFormat parse(String value) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("--format: unknown format '" + value
                + "'; use text, json, sarif, junit, github or gitlab");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
