package org.lfenergy.sogno.sdk.lint.internal.reports;

import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.RuleInfo;

/**
 * GitHub Actions workflow commands, one line per active finding:
 * {@code ::error file=F,line=L,col=C,title=SOGNO-200 MUST::message}; MUST is {@code error}, SHOULD
 * {@code warning}, MAY {@code notice}. Suppressed findings are left out. Values are escaped as the
 * runner expects ({@code %}, CR, LF everywhere; {@code :} and {@code ,} in properties).
 */
public final class GithubReport {

    private GithubReport() {
    }

    /** Renders the reports of one run of {@code tool} at {@code version}. */
    public static String render(List<LintReport> reports, String tool, String version) {
        StringBuilder text = new StringBuilder();
        for (LintReport report : reports) {
            for (Finding finding : report.activeFindings()) {
                text.append("::").append(command(finding))
                        .append(" file=").append(property(finding.file()))
                        .append(",line=").append(finding.line())
                        .append(",col=").append(finding.column())
                        .append(",title=").append(property(finding.ruleId() + " " + finding.level()))
                        .append("::").append(data(finding.message() + " (" + guideline(finding) + ")"))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String command(Finding finding) {
        return switch (finding.level()) {
            case MUST -> "error";
            case SHOULD -> "warning";
            case MAY -> "notice";
        };
    }

    private static String guideline(Finding finding) {
        return RuleInfo.GUIDELINES_URL + "#" + finding.ruleId().toLowerCase(Locale.ROOT);
    }

    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
