package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-601: a 202 answers the job: {@code Location}, {@code Retry-After} and the base spec's {@code Job} body. */
final class AsyncResponse extends Rule {

    AsyncResponse() {
        super("SOGNO-601", Level.MUST, "202 responses have Location, Retry-After and a Job body");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            ApiResponse accepted = op.operation().getResponses() == null ? null
                    : context.response(op.operation().getResponses().get("202"));
            if (accepted == null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!StatusSemantics.hasHeader(accepted, "Location")) {
                missing.add("a Location header");
            }
            if (!StatusSemantics.hasHeader(accepted, "Retry-After")) {
                missing.add("a Retry-After header");
            }
            if (!isJob(accepted)) {
                missing.add("the base spec's Job as application/json body");
            }
            if (!missing.isEmpty()) {
                context.report(this, Pointers.append(op.pointer(), "responses", "202"), "Response 202 of "
                        + ProblemJson.describe(op) + " lacks " + String.join(", ", missing)
                        + " (reference the base spec's responses/JobAccepted)");
            }
        }
    }

    private static boolean isJob(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return false;
        }
        Schema<?> schema = response.getContent().get("application/json").getSchema();
        return schema != null && "#/components/schemas/Job".equals(schema.get$ref());
    }
}
