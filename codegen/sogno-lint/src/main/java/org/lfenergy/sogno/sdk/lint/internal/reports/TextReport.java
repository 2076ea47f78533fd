package org.lfenergy.sogno.sdk.lint.cli.internal;

import java.util.List;
import org.lfenergy.sogno.sdk.lint.LintReport;

/**
 * The text format: each finding as {@code Finding.format()} prints it (the plugin's lines), then the
 * spec's summary.
 */
final class TextReport {

    private TextReport() {
    }

    static String render(List<LintReport> reports) {
        StringBuilder text = new StringBuilder();
        for (LintReport report : reports) {
            report.lines().forEach(line -> text.append(line).append('\n'));
            text.append(report.summary()).append('\n');
        }
        return text.toString();
    }
}
