package org.lfenergy.sogno.sdk.lint.internal.rules;

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
            List<?> values = at.schema().getEnum();
            if (values == null || !"string".equals(at.schema().getType())) {
                continue;
            }
            List<String> offending = values.stream().filter(Objects::nonNull).map(String::valueOf)
                    .filter(value -> !Names.isKebabCase(value)).toList();
            if (!offending.isEmpty()) {
                context.report(this, at.pointer() + "/enum", "Enum values " + offending
                        + " are not lowercase kebab-case (e.g. 'power-flow')");
            }
        }
    }
}
