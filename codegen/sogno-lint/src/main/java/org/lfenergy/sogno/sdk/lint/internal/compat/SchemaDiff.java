package org.lfenergy.sogno.sdk.lint.internal.compat;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * Compares one schema across two versions in one direction. A request schema must accept everything
 * it accepted: a changed type, a new or changed format, fewer enum values, a new required property,
 * tighter bounds break callers. A response schema must still give everything clients read: a removed
 * or no longer required property, a changed type or format break them; more enum values do not
 * (SOGNO-401: clients keep unknown values).
 */
final class SchemaDiff {

    enum Direction { REQUEST, RESPONSE }

    private static final int MAX_DEPTH = 32;

    private final Documents docs;
    private final Direction direction;
    private final List<SpecDiff.Change> changes;
    private final String label;
    private final Set<String> compared = new HashSet<>();

    SchemaDiff(Documents docs, Direction direction, List<SpecDiff.Change> changes, String label) {
        this.docs = docs;
        this.direction = direction;
        this.changes = changes;
        this.label = label;
    }

    void compare(Schema<?> before, Schema<?> after, String pointer) {
        compare(before, after, pointer, pointer, "", 0);
    }

    private void compare(Schema<?> rawBefore, Schema<?> rawAfter, String beforePointer, String afterPointer,
            String member, int depth) {
        Located<Schema<?>> was = Documents.schema(docs.previous(), rawBefore, beforePointer);
        Located<Schema<?>> now = Documents.schema(docs.current(), rawAfter, afterPointer);
        if (was == null || now == null || depth > MAX_DEPTH
                || !compared.add(was.pointer() + " -> " + now.pointer() + " @" + member)) {
            return;
        }
        Schema<?> before = was.value();
        Schema<?> after = now.value();
        String at = now.pointer();
        String what = label + (member.isEmpty() ? "" : " member '" + member + "'");
        Set<String> typesBefore = types(before);
        Set<String> typesAfter = types(after);
        if (!typesBefore.isEmpty() && !typesAfter.equals(typesBefore) && !compatible(typesBefore, typesAfter)) {
            report(at + "/type", what + " changed type from " + typesBefore + " to " + typesAfter);
            return;
        }
        compareFormat(before, after, at, what);
        compareEnum(before, after, at, what);
        compareBounds(before, after, at, what);
        compareProperties(before, after, was.pointer(), at, member, depth);
        if (before.getItems() != null && after.getItems() != null) {
            compare(before.getItems(), after.getItems(), was.pointer() + "/items", at + "/items",
                    member + "[]", depth + 1);
        }
    }

    /**
     * A request type that only grows (integer to number, a type made nullable) still accepts what it
     * did; a response type that only shrinks (no longer nullable) still gives what clients read.
     */
    private boolean compatible(Set<String> before, Set<String> after) {
        if (direction == Direction.REQUEST && after.isEmpty()) {
            return true; // no type: any value is accepted
        }
        Set<String> wider = new TreeSet<>(direction == Direction.REQUEST ? after : before);
        Set<String> narrower = direction == Direction.REQUEST ? before : after;
        if (wider.contains("number")) {
            wider.add("integer");
        }
        return wider.containsAll(narrower);
    }

    private void compareFormat(Schema<?> before, Schema<?> after, String at, String what) {
        String was = before.getFormat();
        String now = after.getFormat();
        if (Objects.equals(was, now)) {
            return;
        }
        if (direction == Direction.REQUEST && now != null) {
            report(at + "/format", what + " now requires format '" + now + "'" + (was == null ? "" : " instead of '" + was + "'"));
        } else if (direction == Direction.RESPONSE && was != null) {
            report(at + (now == null ? "" : "/format"), what + " no longer promises format '" + was + "'"
                    + (now == null ? "" : " but '" + now + "'"));
        }
    }

    private void compareEnum(Schema<?> before, Schema<?> after, String at, String what) {
        if (direction != Direction.REQUEST || after.getEnum() == null) {
            return;
        }
        Set<String> accepted = values(after.getEnum());
        Set<String> removed = before.getEnum() == null ? Set.of("any value") : new TreeSet<>(values(before.getEnum()));
        if (before.getEnum() != null) {
            removed.removeAll(accepted);
        }
        if (!removed.isEmpty()) {
            report(at + "/enum", what + " no longer accepts " + removed + " (enum narrowed to " + accepted + ")");
        }
    }

    private void compareBounds(Schema<?> before, Schema<?> after, String at, String what) {
        if (direction != Direction.REQUEST) {
            return;
        }
        tighter(at + "/maxLength", what, "maxLength", before.getMaxLength(), after.getMaxLength(), false);
        tighter(at + "/minLength", what, "minLength", before.getMinLength(), after.getMinLength(), true);
        tighter(at + "/maxItems", what, "maxItems", before.getMaxItems(), after.getMaxItems(), false);
        tighter(at + "/minItems", what, "minItems", before.getMinItems(), after.getMinItems(), true);
        tighter(at + "/maximum", what, "maximum", before.getMaximum(), after.getMaximum(), false);
        tighter(at + "/minimum", what, "minimum", before.getMinimum(), after.getMinimum(), true);
    }

    private void tighter(String at, String what, String keyword, Number was, Number now, boolean lowerBound) {
        if (now == null) {
            return;
        }
        BigDecimal after = new BigDecimal(now.toString());
        boolean tighter = was == null || (lowerBound ? after.compareTo(new BigDecimal(was.toString())) > 0
                : after.compareTo(new BigDecimal(was.toString())) < 0);
        if (tighter) {
            report(at, what + " " + keyword + " tightened " + (was == null ? "from none" : "from " + was) + " to " + now);
        }
    }

    @SuppressWarnings("rawtypes")
    private void compareProperties(Schema<?> before, Schema<?> after, String beforeAt, String at, String member, int depth) {
        Map<String, Schema> was = before.getProperties() == null ? Map.of() : before.getProperties();
        Map<String, Schema> now = after.getProperties() == null ? Map.of() : after.getProperties();
        Set<String> requiredBefore = required(before);
        Set<String> requiredAfter = required(after);
        String prefix = member.isEmpty() ? "" : member + ".";
        if (direction == Direction.REQUEST) {
            for (String name : requiredAfter) {
                if (!requiredBefore.contains(name)) {
                    report(Pointers.append(at, "required"), label + " requires a new member '" + prefix + name + "'");
                }
            }
        } else {
            was.forEach((name, schema) -> {
                if (!now.containsKey(name)) {
                    report(Pointers.append(at, "properties"), label + " no longer has member '" + prefix + name + "'");
                } else if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                    report(Pointers.append(at, "required"), label + " member '" + prefix + name + "' is no longer required");
                }
            });
        }
        was.forEach((name, schema) -> {
            Schema<?> counterpart = now.get(name);
            if (counterpart != null) {
                compare(schema, counterpart, Pointers.append(beforeAt, "properties", name),
                        Pointers.append(at, "properties", name), prefix + name, depth + 1);
            }
        });
    }

    private void report(String pointer, String message) {
        changes.add(new SpecDiff.Change(false, pointer, message));
    }

    private static Set<String> types(Schema<?> schema) {
        Set<String> types = new TreeSet<>();
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (Boolean.TRUE.equals(schema.getNullable())) {
            types.add("null");
        }
        return types;
    }

    private static Set<String> required(Schema<?> schema) {
        return schema.getRequired() == null ? Set.of() : new TreeSet<>(schema.getRequired());
    }

    private static Set<String> values(List<?> values) {
        Set<String> result = new TreeSet<>();
        values.forEach(value -> result.add(String.valueOf(value)));
        return result;
    }
}
