package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-404: integers say their size, {@code int32} or {@code int64}; other formats do not map to JSON clients. */
final class IntegerFormats extends Rule {

    IntegerFormats() {
        super("SOGNO-404", Level.SHOULD, "Integers declare format int32 or int64");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.SchemaAt at : context.schemas()) {
            if (!LintContext.isType(at.schema(), "integer")) {
                continue;
            }
            String format = at.schema().getFormat();
            if (format == null) {
                context.report(this, at.pointer(), describe(at) + " has no format; declare int32 or int64");
            } else if (!format.equals("int32") && !format.equals("int64")) {
                context.report(this, at.pointer(), describe(at) + " has format '" + format
                        + "'; use int32 or int64 (unsigned 64-bit values do not fit Java or JavaScript numbers)");
            }
        }
    }

    private static String describe(LintContext.SchemaAt at) {
        return at.propertyName() == null ? "Integer schema" : "Integer property '" + at.propertyName() + "'";
    }
}
