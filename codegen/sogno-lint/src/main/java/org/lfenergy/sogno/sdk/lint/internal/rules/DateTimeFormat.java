package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.Set;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-403: points in time are RFC 3339 strings with {@code format: date-time} (or {@code date}). */
final class DateTimeFormat extends Rule {

    private static final Set<String> TIME_NAMES = Set.of("timestamp", "created", "updated", "modified",
            "lastModified", "date", "time");

    DateTimeFormat() {
        super("SOGNO-403", Level.SHOULD, "Points in time are strings with format date-time (RFC 3339, UTC)");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.SchemaAt at : context.schemas()) {
            String name = at.propertyName();
            if (name == null || !LintContext.isType(at.schema(), "string") || !looksLikeTime(name)) {
                continue;
            }
            String format = at.schema().getFormat();
            if (!"date-time".equals(format) && !"date".equals(format)) {
                context.report(this, at.pointer(), "Property '" + name + "' looks like a point in time but has "
                        + (format == null ? "no format" : "format '" + format + "'") + "; use format: date-time");
            }
        }
    }

    private static boolean looksLikeTime(String name) {
        return TIME_NAMES.contains(name) || name.endsWith("At") || name.endsWith("Time") || name.endsWith("Date")
                || name.endsWith("Timestamp");
    }
}
