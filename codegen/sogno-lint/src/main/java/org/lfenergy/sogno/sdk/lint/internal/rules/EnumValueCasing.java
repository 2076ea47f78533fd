package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Objects;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-402: string enum values are lowercase kebab-case, like the platform's own ({@code queued}, {@code job-not-found}). */
final class EnumValueCasing extends Rule {

    EnumValueCasing() {
        super("SOGNO-402", Level.SHOULD, "String enum values are lowercase kebab-case");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.SchemaAt at : context.schemas()) {
            List<?> values = values(at.schema());
            if (values.isEmpty()) {
                continue;
            }
            List<String> offending = values.stream().filter(Objects::nonNull).map(String::valueOf)
                    .filter(value -> !Names.isKebabCase(value)).toList();
            if (!offending.isEmpty()) {
                boolean constant = at.schema().getEnum() == null;
                context.report(this, at.pointer() + (constant ? "/const" : "/enum"), (constant ? "Constant " : "Enum values ")
                        + offending + (constant ? " is" : " are") + " not lowercase kebab-case (e.g. 'power-flow')");
            }
        }
    }

    /** A string schema's enum values, or its OpenAPI 3.1 {@code const} as the one value it allows. */
    private static List<?> values(Schema<?> schema) {
        if (schema.getEnum() != null) {
            return LintContext.isType(schema, "string") ? schema.getEnum() : List.of();
        }
        Object constant = schema.getConst();
        boolean string = constant instanceof String && (schema.getType() == null && schema.getTypes() == null
                || LintContext.isType(schema, "string"));
        return string ? List.of(constant) : List.of();
    }
}
