package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-203: identifiers are opaque strings (UUIDs), never numbers clients could overflow or enumerate. */
final class StringIdentifiers extends Rule {

    StringIdentifiers() {
        super("SOGNO-203", Level.SHOULD, "Resource identifiers are opaque strings, not integers");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            context.parameters(op).forEach((pointer, parameter) -> {
                if ("path".equals(parameter.getIn()) && isIdentifier(parameter.getName())
                        && isInteger(context.schema(parameter.getSchema()))) {
                    context.report(this, pointer, "Path parameter '" + parameter.getName()
                            + "' is an integer identifier; use an opaque string such as a UUID");
                }
            });
        }
        for (LintContext.SchemaAt at : context.schemas()) {
            if (at.propertyName() != null && isIdentifier(at.propertyName()) && isInteger(context.schema(at.schema()))) {
                context.report(this, at.pointer(), "Property '" + at.propertyName()
                        + "' is an integer identifier; use an opaque string such as a UUID");
            }
        }
    }

    private static boolean isIdentifier(String name) {
        return name != null && (name.equalsIgnoreCase("id") || name.endsWith("Id") || name.endsWith("ID")
                || name.endsWith("_id"));
    }

    private static boolean isInteger(Schema<?> schema) {
        return schema != null && LintContext.isType(schema, "integer");
    }
}
