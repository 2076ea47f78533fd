package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code x-sogno-lint-ignore} entries of a source document. An entry on any object (the
 * document, a path item, an operation, a schema, …) suppresses findings of its rule at or below
 * that object:
 *
 * <pre>{@code
 * x-sogno-lint-ignore:
 *   - rule: SOGNO-200
 *     reason: Kept unversioned for the 2022 clients until they migrate (PLAT-123).
 * }</pre>
 *
 * Malformed entries (no list, unknown rule, no reason) are reported, never silently ignored.
 */
public final class Suppressions {

    /** The extension's name. */
    public static final String EXTENSION = "x-sogno-lint-ignore";

    /** One entry: the rule it suppresses below {@code pointer} (an OpenAPI 3 pointer) and why. */
    public record Entry(String pointer, String ruleId, String reason) {
    }

    /** A malformed entry at a source pointer. */
    public record Problem(String sourcePointer, String message) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Suppressions() {
    }

    /**
     * Collects the entries of {@code source}; pointers of a Swagger 2.0 source are mapped to where the
     * converter puts the elements.
     */
    public static Suppressions collect(JsonNode source, boolean swagger2, Set<String> knownRuleIds) {
        Suppressions suppressions = new Suppressions();
        if (source != null) {
            suppressions.walk(source, "", swagger2, knownRuleIds);
        }
        return suppressions;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The reason of the first entry suppressing {@code ruleId} at {@code pointer}, or null. */
    public String reasonFor(String ruleId, String pointer) {
        for (Entry entry : entries) {
            if (entry.ruleId().equals(ruleId) && Pointers.isWithin(pointer, entry.pointer())) {
                return entry.reason();
            }
        }
        return null;
    }

    private void walk(JsonNode node, String pointer, boolean swagger2, Set<String> known) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = Pointers.append(pointer, field.getKey());
                if (field.getKey().equals(EXTENSION)) {
                    read(field.getValue(), pointer, child, swagger2, known);
                } else {
                    walk(field.getValue(), child, swagger2, known);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, swagger2, known);
            }
        }
    }

    private void read(JsonNode value, String owner, String at, boolean swagger2, Set<String> known) {
        if (!value.isArray()) {
            problems.add(new Problem(at, EXTENSION + " must be a list of {rule, reason} entries"));
            return;
        }
        String target = swagger2 ? Pointers.swagger2ToOpenApi3(owner) : owner;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String rule = item.path("rule").asText("").trim();
            String reason = item.path("reason").asText("").trim();
            String itemAt = at + "/" + i;
            if (!known.contains(rule)) {
                problems.add(new Problem(itemAt, EXTENSION + " names " + (rule.isEmpty() ? "no rule" : "unknown rule '"
                        + rule + "'") + "; use a rule ID of the SOGNO API guidelines, e.g. SOGNO-200"));
            } else if (reason.isEmpty()) {
                problems.add(new Problem(itemAt, EXTENSION + " for " + rule
                        + " has no reason; say why the deviation is needed (and until when)"));
            } else {
                entries.add(new Entry(target, rule, reason));
            }
        }
    }
}
