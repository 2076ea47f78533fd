package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-300: GET, HEAD and DELETE carry no request body (proxies and clients may drop it). */
final class MethodSemantics extends Rule {

    MethodSemantics() {
        super("SOGNO-300", Level.MUST, "HTTP methods keep their semantics; GET, HEAD and DELETE have no body");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if ((op.is("get") || op.is("head") || op.is("delete")) && op.operation().getRequestBody() != null) {
                context.report(this, op.pointer() + "/requestBody", op.method().toUpperCase(java.util.Locale.ROOT)
                        + " " + op.path() + " has a request body; use POST for queries that need one");
            }
        }
    }
}
