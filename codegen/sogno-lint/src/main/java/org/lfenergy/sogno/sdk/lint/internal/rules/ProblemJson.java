package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.responses.ApiResponse;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-301: every error response is {@code application/problem+json} (RFC 9457). */
final class ProblemJson extends Rule {

    static final String MEDIA_TYPE = "application/problem+json";

    ProblemJson() {
        super("SOGNO-301", Level.MUST, "Every 4xx/5xx response is application/problem+json (RFC 9457)");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (op.operation().getResponses() == null || Names.isHealthPath(op.path())) {
                continue;
            }
            op.operation().getResponses().forEach((code, response) -> {
                if (!Statuses.isError(code)) {
                    return;
                }
                ApiResponse resolved = context.response(response);
                String pointer = Pointers.append(op.pointer(), "responses", code);
                if (resolved == null || resolved.getContent() == null || resolved.getContent().isEmpty()) {
                    context.report(this, pointer, "Response " + code + " of " + describe(op)
                            + " has no body; declare '" + MEDIA_TYPE + "' (reference the base spec's responses)");
                } else if (!resolved.getContent().containsKey(MEDIA_TYPE)) {
                    context.report(this, pointer, "Response " + code + " of " + describe(op) + " is "
                            + String.join(", ", resolved.getContent().keySet()) + ", not '" + MEDIA_TYPE + "'");
                }
            });
        }
    }

    static String describe(LintContext.Op op) {
        return op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
    }
}
