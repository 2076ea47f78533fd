package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.Level;

/** SOGNO-803: {@code info.version} is a semantic version whose major matches the path version. */
final class SemanticVersion extends Rule {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    SemanticVersion() {
        super("SOGNO-803", Level.MUST, "info.version is a semantic version (MAJOR.MINOR.PATCH)");
    }

    @Override
    public void check(LintContext context) {
        String version = context.api().getInfo() == null ? null : context.api().getInfo().getVersion();
        if (version == null || version.isBlank()) {
            context.report(this, "/info", "info.version is missing; use a semantic version such as 1.4.0");
        } else if (!SEMVER.matcher(version).matches()) {
            context.report(this, "/info/version", "info.version '" + version
                    + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0)");
        }
    }
}
