package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-603: operations that start jobs accept {@code Prefer} (RFC 7240: respond-async, wait=N). */
final class PreferHeader extends Rule {

    PreferHeader() {
        super("SOGNO-603", Level.SHOULD, "Job-starting operations accept the Prefer header (respond-async, wait)");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            boolean startsJob = op.operation().getResponses() != null
                    && op.operation().getResponses().containsKey("202");
            if (startsJob && !IdempotencyKey.hasHeader(context, op, "Prefer")) {
                context.report(this, op.pointer(), ProblemJson.describe(op)
                        + " answers 202 but does not accept 'Prefer'; reference the base spec's parameters/Prefer");
            }
        }
    }
}
