package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-405: JSON bodies are objects at the top level, so they can grow without breaking clients. */
final class TopLevelObjects extends Rule {

    TopLevelObjects() {
        super("SOGNO-405", Level.SHOULD, "Request and response bodies are JSON objects, not bare arrays");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            RequestBody body = context.requestBody(op.operation().getRequestBody());
            if (body != null && isArray(context.jsonSchema(body.getContent()))) {
                context.report(this, op.pointer() + "/requestBody", "The request body of "
                        + ProblemJson.describe(op) + " is a bare array; wrap it in an object");
            }
            if (op.operation().getResponses() != null) {
                op.operation().getResponses().forEach((code, response) -> {
                    ApiResponse resolved = context.response(response);
                    if (resolved != null && isArray(context.jsonSchema(resolved.getContent()))) {
                        context.report(this, Pointers.append(op.pointer(), "responses", code), "Response " + code
                                + " of " + ProblemJson.describe(op) + " is a bare array; wrap it in an object"
                                + " (a page: {items, next})");
                    }
                });
            }
        }
    }

    private static boolean isArray(Schema<?> schema) {
        return schema != null && LintContext.isType(schema, "array");
    }
}
