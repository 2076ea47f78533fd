package org.lfenergy.sogno.sdk.lint.internal.reports;

import java.util.List;
import org.lfenergy.sogno.sdk.lint.LintReport;

/**
 * The text format: each finding as {@code Finding.format()} prints it (the plugin's lines), then the
 * spec's summary.
 */
public final class TextReport {

    private TextReport() {
    }

    /** Renders the reports of one run of {@code tool} at {@code version}. */
    public static String render(List<LintReport> reports, String tool, String version) {
        StringBuilder text = new StringBuilder();
        for (LintReport report : reports) {
            report.lines().forEach(line -> text.append(line).append('\n'));
            text.append(report.summary()).append('\n');
        }
        return text.toString();
    }
}
