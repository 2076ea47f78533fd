package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-700: every operation but the health probes requires a token. */
final class SecurityApplied extends Rule {

    SecurityApplied() {
        super("SOGNO-700", Level.MUST, "Every operation except health probes requires authentication");
    }

    @Override
    public void check(LintContext context) {
        List<SecurityRequirement> global = context.api().getSecurity();
        for (LintContext.Op op : context.operations()) {
            if (Names.isHealthPath(op.path())) {
                continue;
            }
            List<SecurityRequirement> own = op.operation().getSecurity();
            List<SecurityRequirement> effective = own != null ? own : global;
            if (effective == null || effective.isEmpty() || effective.stream().anyMatch(r -> r == null || r.isEmpty())) {
                context.report(this, op.pointer(), ProblemJson.describe(op) + " can be called without credentials;"
                        + " require bearerAuth or oauth2ClientCredentials (base spec security schemes)");
            }
        }
    }
}
