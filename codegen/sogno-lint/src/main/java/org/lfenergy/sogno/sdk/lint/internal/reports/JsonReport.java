package org.lfenergy.sogno.sdk.lint.internal.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LintReport;

/**
 * The JSON format: {@code {tool, version, failed, specs: [{file, failed, summary, findings: [{ruleId,
 * level, file, line, column, pointer, message, failing, suppressed}]}]}}; {@code suppressed} is the
 * reason of the {@code x-sogno-lint-ignore} entry, or null.
 */
public final class JsonReport {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private JsonReport() {
    }

    /** Renders the reports of one run of {@code tool} at {@code version}. */
    public static String render(List<LintReport> reports, String tool, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", tool);
        root.put("version", version);
        root.put("failed", reports.stream().anyMatch(LintReport::failed));
        ArrayNode specs = root.putArray("specs");
        for (LintReport report : reports) {
            ObjectNode spec = specs.addObject();
            spec.put("file", report.fileName());
            spec.put("failed", report.failed());
            spec.put("summary", report.summary());
            ArrayNode findings = spec.putArray("findings");
            for (Finding finding : report.findings()) {
                findings.addObject()
                        .put("ruleId", finding.ruleId())
                        .put("level", finding.level().name())
                        .put("file", finding.file())
                        .put("line", finding.line())
                        .put("column", finding.column())
                        .put("pointer", finding.pointer())
                        .put("message", finding.message())
                        .put("failing", report.failures().contains(finding))
                        .put("suppressed", finding.suppression().orElse(null));
            }
        }
        return write(root);
    }

    static String write(Object tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
