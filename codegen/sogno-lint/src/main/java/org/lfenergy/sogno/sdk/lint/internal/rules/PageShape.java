package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-501: a page is an object with an {@code items} array and the {@code next} cursor. */
final class PageShape extends Rule {

    PageShape() {
        super("SOGNO-501", Level.MUST, "A page is an object with an items array and a next cursor");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (!op.is("get") || !Pagination.hasQuery(context, op, "cursor") || op.operation().getResponses() == null) {
                continue;
            }
            ApiResponse ok = context.response(op.operation().getResponses().get("200"));
            Schema<?> page = ok == null ? null : context.jsonSchema(ok.getContent());
            if (page == null || page.getProperties() == null) {
                continue;
            }
            Schema<?> items = context.schema(page.getProperties().get("items"));
            boolean hasItems = items != null && LintContext.isType(items, "array");
            boolean hasNext = page.getProperties().containsKey("next");
            if (!hasItems || !hasNext) {
                context.report(this, Pointers.append(op.pointer(), "responses", "200"), "The page of "
                        + ProblemJson.describe(op) + " lacks " + (hasItems ? "'next'" : hasNext ? "an 'items' array"
                        : "an 'items' array and 'next'") + "; pages are {items: [...], next: <cursor>}");
            }
        }
    }
}
