package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.Set;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-302: operations document their errors: at least one 4xx and a 5xx (or {@code default}). */
final class ErrorResponsesDocumented extends Rule {

    ErrorResponsesDocumented() {
        super("SOGNO-302", Level.SHOULD, "Operations document their 4xx and 5xx problem responses");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (Names.isHealthPath(op.path())) {
                continue;
            }
            Set<String> codes = op.operation().getResponses() == null ? Set.of()
                    : op.operation().getResponses().keySet();
            boolean clientErrors = codes.stream().anyMatch(Statuses::isClientError);
            boolean serverErrors = codes.stream().anyMatch(c -> Statuses.isServerError(c) || "default".equals(c));
            if (!clientErrors || !serverErrors) {
                context.report(this, op.pointer() + "/responses", ProblemJson.describe(op) + " documents no "
                        + (clientErrors ? "5xx" : serverErrors ? "4xx" : "4xx or 5xx")
                        + " problem response; reference the base spec's (e.g. 400, 401, 403, 404, 500, 503)");
            }
        }
    }
}
