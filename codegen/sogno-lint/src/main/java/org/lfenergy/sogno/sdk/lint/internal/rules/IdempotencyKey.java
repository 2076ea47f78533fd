package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-604: a POST that creates a resource or starts a job accepts {@code Idempotency-Key}, so retries are safe. */
final class IdempotencyKey extends Rule {

    IdempotencyKey() {
        super("SOGNO-604", Level.MUST, "POSTs that create (201) or start jobs (202) accept Idempotency-Key");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (!op.is("post") || op.operation().getResponses() == null) {
                continue;
            }
            boolean creates = op.operation().getResponses().containsKey("201")
                    || op.operation().getResponses().containsKey("202");
            if (creates && !hasHeader(context, op, "Idempotency-Key")) {
                context.report(this, op.pointer(), ProblemJson.describe(op) + " creates a resource or starts a job"
                        + " but does not accept 'Idempotency-Key'; without it a retry after a timeout runs twice");
            }
        }
    }

    static boolean hasHeader(LintContext context, LintContext.Op op, String name) {
        return context.parameters(op).values().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }
}
