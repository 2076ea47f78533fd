package org.lfenergy.sogno.sdk.lint.internal.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.LintReport;

/**
 * GitLab's Code Quality report: a JSON array of {@code {description, check_name, fingerprint,
 * severity, location: {path, lines: {begin}}}}. Suppressed findings are left out (they are accepted
 * deviations). The fingerprint hashes rule, file, JSON pointer and message, not the line, so an
 * issue keeps its identity when lines above it move.
 */
public final class GitlabReport {

    private GitlabReport() {
    }

    /** Renders the reports of one run of {@code tool} at {@code version}. */
    public static String render(List<LintReport> reports, String tool, String version) {
        ArrayNode issues = JsonReport.JSON.createArrayNode();
        for (LintReport report : reports) {
            for (Finding finding : report.activeFindings()) {
                ObjectNode issue = issues.addObject();
                issue.put("description", finding.ruleId() + " " + finding.message());
                issue.put("check_name", finding.ruleId());
                issue.put("fingerprint", fingerprint(finding));
                issue.put("severity", severity(finding.level()));
                ObjectNode location = issue.putObject("location");
                location.put("path", finding.file());
                location.putObject("lines").put("begin", finding.line());
            }
        }
        return JsonReport.write(issues);
    }

    static String severity(Level level) {
        return switch (level) {
            case MUST -> "major";
            case SHOULD -> "minor";
            case MAY -> "info";
        };
    }

    static String fingerprint(Finding finding) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String identity = String.join("\u0000", finding.ruleId(), finding.file(), finding.pointer(),
                    finding.message());
            return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
