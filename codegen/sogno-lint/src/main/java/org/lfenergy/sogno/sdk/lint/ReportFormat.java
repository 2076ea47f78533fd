package org.lfenergy.sogno.sdk.lint.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.lint.LintReport;

/** The report formats of {@code --format}, each rendering the reports of one run as one text. */
public enum Format {
    /** {@code RULE-ID LEVEL file:line message} lines (as {@code sogno:lint} prints them) and a summary per spec. */
    TEXT(TextReport::render),
    /** One JSON object: the run's settings and each spec's findings. */
    JSON(JsonReport::render),
    /** SARIF 2.1.0, one run over every spec. */
    SARIF(LintReport::toSarif),
    /** JUnit XML: a test suite per spec, a test case per finding. */
    JUNIT(JunitReport::render),
    /** GitHub Actions workflow commands that annotate pull requests. */
    GITHUB(GithubReport::render),
    /** GitLab Code Quality report (a JSON array of issues). */
    GITLAB(GitlabReport::render);

    private final Function<List<LintReport>, String> renderer;

    Format(Function<List<LintReport>, String> renderer) {
        this.renderer = renderer;
    }

    /** Renders the reports of one run. */
    public String render(List<LintReport> reports) {
        return renderer.apply(reports);
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
    public static Format parse(String value) {
        for (Format format : values()) {
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
