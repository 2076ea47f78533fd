package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.RuleInfo;

/** Writes findings as a SARIF 2.1.0 log (one run of one tool, {@code sogno-lint} or another SOGNO checker). */
public final class SarifWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifWriter() {
    }

    public static String write(List<RuleInfo> rules, List<Finding> findings, String tool, String toolVersion) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool);
        driver.put("version", toolVersion);
        driver.put("informationUri", RuleInfo.GUIDELINES_URL);
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleInfo rule : rules) {
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.title());
            node.put("helpUri", rule.guidelineUrl());
            node.putObject("defaultConfiguration").put("level", sarifLevel(rule.level()));
            node.putObject("properties").put("guidelineLevel", rule.level().name());
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            int ruleIndex = indexOf(rules, finding.ruleId());
            if (ruleIndex >= 0) {
                result.put("ruleIndex", ruleIndex);
            }
            result.put("level", sarifLevel(finding.level()));
            result.putObject("message").put("text", finding.message());
            ObjectNode location = result.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", artifactUri(finding.file()));
            physical.putObject("region").put("startLine", finding.line()).put("startColumn", finding.column());
            location.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", finding.pointer().isEmpty() ? "/" : finding.pointer());
            finding.suppression().ifPresent(reason -> result.putArray("suppressions").addObject()
                    .put("kind", "inSource").put("justification", reason));
        }
        try {
            return Yamls.json().writerWithDefaultPrettyPrinter().writeValueAsString(log);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SARIF wants URI references: relative paths stay relative, absolute ones become file URIs. */
    static String artifactUri(String file) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(file);
            if (path.isAbsolute()) {
                return path.toUri().toString();
            }
            return new java.net.URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (java.net.URISyntaxException | java.nio.file.InvalidPathException e) {
            return file.replace('\\', '/');
        }
    }

    private static int indexOf(List<RuleInfo> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String sarifLevel(Level level) {
        return switch (level) {
            case MUST -> "error";
            case SHOULD -> "warning";
            case MAY -> "note";
        };
    }
}
