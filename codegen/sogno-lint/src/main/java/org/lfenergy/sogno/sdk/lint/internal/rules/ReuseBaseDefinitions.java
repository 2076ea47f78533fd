package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.Set;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/** SOGNO-104: problems, jobs, links, pages and health are referenced from the base spec, not redefined. */
final class ReuseBaseDefinitions extends Rule {

    private static final Set<String> BASE_SCHEMAS = Set.of("Problem", "ValidationProblem", "FieldError", "Job",
            "JobStatus", "JobProgress", "JobLinks", "Link", "Page", "Cursor", "Health", "HealthStatus", "HealthCheck");

    ReuseBaseDefinitions() {
        super("SOGNO-104", Level.SHOULD, "Shared definitions are referenced from the base spec, not copied");
    }

    @Override
    public void check(LintContext context) {
        context.serviceSchemas().keySet().stream().filter(BASE_SCHEMAS::contains).forEach(name ->
                context.report(this, "/components/schemas/" + name, "Schema '" + name + "' redefines the base"
                        + " spec's; reference '" + BaseSpec.URL + "#/components/schemas/" + name + "' instead"));
    }
}
