package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.responses.ApiResponse;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-304: 201 says where the new resource is ({@code Location}); 204 and 304 have no body. */
final class StatusSemantics extends Rule {

    StatusSemantics() {
        super("SOGNO-304", Level.MUST, "Success statuses keep their meaning: 201 has Location, 204/304 no body");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (op.operation().getResponses() == null) {
                continue;
            }
            op.operation().getResponses().forEach((code, response) -> {
                ApiResponse resolved = context.response(response);
                if (resolved == null) {
                    return;
                }
                String pointer = Pointers.append(op.pointer(), "responses", code);
                boolean hasBody = resolved.getContent() != null && !resolved.getContent().isEmpty();
                if (("204".equals(code) || "304".equals(code)) && hasBody) {
                    context.report(this, pointer, "Response " + code + " of " + ProblemJson.describe(op)
                            + " declares a body; " + code + " never has one");
                } else if ("201".equals(code) && !hasHeader(resolved, "Location")) {
                    context.report(this, pointer, "Response 201 of " + ProblemJson.describe(op)
                            + " has no Location header pointing at the created resource");
                }
            });
        }
    }

    static boolean hasHeader(ApiResponse response, String name) {
        return response.getHeaders() != null
                && response.getHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }
}
