package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-204: path and query parameter names are lowerCamelCase, like JSON properties. */
final class ParameterCasing extends Rule {

    ParameterCasing() {
        super("SOGNO-204", Level.MUST, "Path and query parameter names are lowerCamelCase");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            context.parameters(op).forEach((pointer, parameter) -> {
                String in = parameter.getIn();
                // A parameter without a name is the loader's SOGNO-101 finding, not a casing problem.
                if (("path".equals(in) || "query".equals(in)) && parameter.getName() != null
                        && !Names.isCamelCase(parameter.getName())) {
                    context.report(this, pointer, in + " parameter '" + parameter.getName()
                            + "' is not lowerCamelCase (acronyms as words: 'fileId', not 'fileID')");
                }
            });
        }
    }
}
