package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.regex.Pattern;

/** The naming conventions of the guidelines, as predicates. */
final class Names {

    private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern TWO_CAPITALS = Pattern.compile("[A-Z]{2}");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VERSION_PREFIX = Pattern.compile("/v[0-9]+(/.*)?");

    private Names() {
    }

    /** lowerCamelCase with acronyms written as words: {@code fileId}, not {@code fileID} or {@code file_id}. */
    static boolean isCamelCase(String name) {
        return name != null && CAMEL.matcher(name).matches() && !TWO_CAPITALS.matcher(name).find();
    }

    /** Lowercase words joined by hyphens: {@code power-flows}, {@code v1}. */
    static boolean isKebabCase(String name) {
        return name != null && KEBAB.matcher(name).matches();
    }

    /** Whether a path starts with a major version segment ({@code /v1/...}). */
    static boolean isVersioned(String path) {
        return path != null && VERSION_PREFIX.matcher(path).matches();
    }

    /** Health probes are infrastructure, unversioned on purpose (SOGNO-800). */
    static boolean isHealthPath(String path) {
        return path != null && (path.equals("/health") || path.startsWith("/health/"));
    }
}
