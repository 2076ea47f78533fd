package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-201: literal path segments are lowercase kebab-case, without trailing slash or file extension. */
final class PathSegmentCasing extends Rule {

    PathSegmentCasing() {
        super("SOGNO-201", Level.MUST, "Path segments are lowercase kebab-case; no trailing slash or extension");
    }

    @Override
    public void check(LintContext context) {
        context.operations().stream().map(LintContext.Op::path).distinct().forEach(path -> {
            String pointer = Pointers.of("paths", path);
            if (path.length() > 1 && path.endsWith("/")) {
                context.report(this, pointer, "Path '" + path + "' ends with '/'");
            }
            for (String segment : path.split("/")) {
                boolean parameter = segment.startsWith("{") && segment.endsWith("}");
                if (!segment.isEmpty() && !parameter && !Names.isKebabCase(segment)) {
                    context.report(this, pointer, "Path segment '" + segment + "' of '" + path
                            + "' is not lowercase kebab-case (e.g. 'power-flows')");
                }
            }
        });
    }
}
