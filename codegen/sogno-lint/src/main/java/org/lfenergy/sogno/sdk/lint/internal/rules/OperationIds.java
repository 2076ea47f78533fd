package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-103: every operation has a unique lowerCamelCase operationId (it names the client method). */
final class OperationIds extends Rule {

    OperationIds() {
        super("SOGNO-103", Level.MUST, "Every operation has a unique lowerCamelCase operationId");
    }

    @Override
    public void check(LintContext context) {
        Map<String, Long> uses = context.operations().stream().map(op -> op.operation().getOperationId())
                .filter(Objects::nonNull).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        for (LintContext.Op op : context.operations()) {
            String id = op.operation().getOperationId();
            String name = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path();
            if (id == null || id.isBlank()) {
                context.report(this, op.pointer(), name + " has no operationId; generated clients would name"
                        + " the method after the path");
            } else if (!Names.isCamelCase(id)) {
                context.report(this, op.pointer() + "/operationId", "operationId '" + id + "' of " + name
                        + " is not lowerCamelCase (e.g. 'listSimulations')");
            } else if (uses.get(id) > 1) {
                context.report(this, op.pointer() + "/operationId", "operationId '" + id + "' of " + name
                        + " is used by " + uses.get(id) + " operations");
            }
        }
    }
}
