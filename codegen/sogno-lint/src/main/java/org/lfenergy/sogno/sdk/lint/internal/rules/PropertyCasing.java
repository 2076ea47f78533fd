package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-400: JSON property names are lowerCamelCase, acronyms written as words. */
final class PropertyCasing extends Rule {

    PropertyCasing() {
        super("SOGNO-400", Level.MUST, "JSON property names are lowerCamelCase");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.SchemaAt at : context.schemas()) {
            String name = at.propertyName();
            if (at.declaresProperty() && !Names.isCamelCase(name)) {
                context.report(this, at.pointer(), "Property '" + name
                        + "' is not lowerCamelCase (e.g. 'modelId', not 'model_id' or 'modelID')");
            }
        }
    }
}
