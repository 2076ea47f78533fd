package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/**
 * SOGNO-100: specs are OpenAPI 3.0.x or 3.1.x, which the linter, the generator and the server runtime
 * read end to end; Swagger 2.0 is converted for linting but must be migrated.
 */
final class OpenApiVersion extends Rule {

    OpenApiVersion() {
        super("SOGNO-100", Level.MUST, "APIs are described in OpenAPI 3.0 (3.0.3) or 3.1");
    }

    @Override
    public void check(LintContext context) {
        String version = context.sourceVersion();
        if (version.startsWith("2")) {
            context.report(this, "/swagger", "Swagger " + version + " spec (converted to OpenAPI 3 for this check);"
                    + " migrate it to OpenAPI 3.0.3");
        } else if (!version.startsWith("3.0.") && !version.startsWith("3.1.")) {
            context.report(this, "/openapi", "OpenAPI " + version + " is not supported end to end by the SOGNO"
                    + " toolchain; write OpenAPI 3.0.3 or 3.1");
        }
    }
}
