package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.internal.rules.LintContext;

/** The registry of the events rules, in guideline order, and the AsyncAPI versions they read. */
public final class EventRules {

    /** The AsyncAPI versions the rules read: 2.x and 3.0. */
    public static final Pattern SUPPORTED_VERSION = Pattern.compile("(2\\.\\d+|3\\.0)\\.\\d+");

    /** {@code sogno.<domain>.<event>.v<N>}, optionally with the dead-letter suffix {@code .dlt}. */
    static final Pattern TOPIC = Pattern.compile(
            "sogno\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.v([1-9][0-9]*)(\\.dlt)?");

    /** {@code org.lfenergy.sogno.<entity>.<event>.v<N>}. */
    static final Pattern CE_TYPE = Pattern.compile(
            "org\\.lfenergy\\.sogno\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*\\.v([1-9][0-9]*)");

    private static final List<EventRule> ALL = List.of(
            new CloudEventsBinaryMode(),
            new TopicNames(),
            new EventContracts(),
            new CompatibleEvolution(),
            new DeadLetterTopics());

    private EventRules() {
    }

    /** Every events rule; instances are stateless and shared. */
    public static List<EventRule> all() {
        return ALL;
    }

    /**
     * Runs the enabled events rules on an AsyncAPI document tree. A rule that fails on an unexpected
     * tree reports a finding saying so instead of aborting the run.
     */
    public static List<LintContext.RawFinding> check(JsonNode tree, Set<String> disabled) {
        AsyncApiDocument document = new AsyncApiDocument(tree);
        for (EventRule rule : ALL) {
            if (disabled.contains(rule.info().id())) {
                continue;
            }
            try {
                rule.check(document);
            } catch (RuntimeException e) {
                document.report(rule.info(), "", rule.info().id() + " could not check this document (" + e
                        + "); this is a linter bug, please report it with the document");
            }
        }
        return document.findings();
    }

    /** Why the document's {@code asyncapi} version cannot be read, or null when it is 2.x or 3.0. */
    public static String unsupportedVersion(JsonNode tree) {
        String version = tree.path("asyncapi").asText("");
        return SUPPORTED_VERSION.matcher(version).matches() ? null : "AsyncAPI version '" + version
                + "' is not supported; the events rules read AsyncAPI 3.0 (and 2.x)";
    }

    /** The major version {@code N} of a topic or {@code ce_type} ending in {@code .v<N>}, or null. */
    static String version(Pattern pattern, String name) {
        Matcher matcher = name == null ? null : pattern.matcher(name);
        return matcher != null && matcher.matches() ? matcher.group(1) : null;
    }
}
