package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.Locale;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.Level;

/**
 * SOGNO-600: work that can outlast a request (simulations, power flows, estimations, optimisations)
 * is started as a job: {@code 202 Accepted}. An operation is taken as long-running when it says so
 * ({@code x-sogno-long-running: true}) or when a POST or PUT names such work; {@code
 * x-sogno-long-running: false} says it is not.
 */
final class LongRunningAsync extends Rule {

    static final String EXTENSION = "x-sogno-long-running";

    private static final Pattern LONG_RUNNING_WORDS = Pattern.compile(
            "simulat|power.?flow|load.?flow|estimat|optimi[sz]|forecast|calculat|comput|analy[sz]");

    LongRunningAsync() {
        super("SOGNO-600", Level.MUST, "Long-running work is started as a job: 202 Accepted");
    }

    @Override
    public void check(LintContext context) {
        for (LintContext.Op op : context.operations()) {
            if (!isLongRunning(op)) {
                continue;
            }
            boolean accepted = op.operation().getResponses() != null
                    && op.operation().getResponses().containsKey("202");
            if (!accepted) {
                context.report(this, op.pointer() + "/responses", ProblemJson.describe(op)
                        + " starts long-running work but does not answer 202 with a job; a blocking 200 ties"
                        + " up connections and fails behind proxy timeouts (set " + EXTENSION
                        + ": false if the work is always quick)");
            }
        }
    }

    private static boolean isLongRunning(LintContext.Op op) {
        Object declared = op.operation().getExtensions() == null ? null
                : op.operation().getExtensions().get(EXTENSION);
        if (declared != null) {
            return Boolean.parseBoolean(String.valueOf(declared));
        }
        if (!op.is("post") && !op.is("put")) {
            return false;
        }
        String text = String.join(" ", op.path(), nonNull(op.operation().getOperationId()),
                nonNull(op.operation().getSummary()), nonNull(op.operation().getDescription()));
        return LONG_RUNNING_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
