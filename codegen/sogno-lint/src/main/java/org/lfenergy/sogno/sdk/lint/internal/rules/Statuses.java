package org.lfenergy.sogno.sdk.lint.internal.rules;

/** Classifies OpenAPI response keys ({@code "404"}, {@code "4XX"}, {@code "default"}). */
final class Statuses {

    private Statuses() {
    }

    static boolean isClientError(String code) {
        return code != null && code.length() == 3 && code.charAt(0) == '4';
    }

    static boolean isServerError(String code) {
        return code != null && code.length() == 3 && code.charAt(0) == '5';
    }

    /** 4xx, 5xx or {@code default} (which documents the errors not listed). */
    static boolean isError(String code) {
        return isClientError(code) || isServerError(code) || "default".equals(code);
    }
}
