package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-500: collections are paged with the {@code limit} and {@code cursor} query parameters. */
final class Pagination extends Rule {

    Pagination() {
        super("SOGNO-500", Level.MUST, "Collection reads are paged with limit and cursor");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (!op.is("get") || Names.isHealthPath(op.path()) || !returnsList(context, op)) {
                continue;
            }
            boolean limit = hasQuery(context, op, "limit");
            boolean cursor = hasQuery(context, op, "cursor");
            if (!limit || !cursor) {
                context.report(this, op.pointer(), ProblemJson.describe(op) + " returns a list without "
                        + (limit ? "'cursor'" : cursor ? "'limit'" : "'limit' and 'cursor'")
                        + " query parameters; page it (base spec: parameters Limit, Cursor; schema Page)");
            }
        }
    }

    static boolean hasQuery(LintContext context, LintContext.Op op, String name) {
        return context.parameters(op).values().stream()
                .anyMatch(p -> "query".equals(p.getIn()) && name.equals(p.getName()));
    }

    @SuppressWarnings("rawtypes")
    private static boolean returnsList(LintContext context, LintContext.Op op) {
        if (op.operation().getResponses() == null) {
            return false;
        }
        ApiResponse ok = context.response(op.operation().getResponses().get("200"));
        Schema<?> schema = ok == null ? null : context.jsonSchema(ok.getContent());
        if (schema == null) {
            return false;
        }
        if (LintContext.isType(schema, "array")) {
            return true;
        }
        Map<String, Schema> properties = schema.getProperties();
        return properties != null && properties.values().stream()
                .map(p -> context.schema((Schema<?>) p))
                .anyMatch(p -> p != null && LintContext.isType(p, "array"));
    }
}
