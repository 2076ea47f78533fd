package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-200: every API path starts with its major version, {@code /v1/...}; health probes excepted. */
final class VersionedPaths extends Rule {

    VersionedPaths() {
        super("SOGNO-200", Level.MUST, "Paths start with the API's major version (/v1/...)");
    }

    @Override
    public void check(LintContext context) {
        context.operations().stream().map(LintContext.Op::path).distinct()
                .filter(path -> !Names.isVersioned(path) && !Names.isHealthPath(path))
                .forEach(path -> context.report(this, Pointers.of("paths", path), "Path '" + path
                        + "' has no major version prefix; use '/v1" + path + "'"));
    }
}
