package org.lfenergy.sogno.sdk.lint.internal;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: building, splitting and the Swagger 2.0 to OpenAPI 3 mapping. */
public final class Pointers {

    private static final String[][] SWAGGER2_TO_OPENAPI3 = {
        {"/definitions/", "/components/schemas/"},
        {"/parameters/", "/components/parameters/"},
        {"/responses/", "/components/responses/"},
        {"/securityDefinitions/", "/components/securitySchemes/"},
    };

    private Pointers() {
    }

    /** Builds a pointer from unescaped segments: {@code of("paths", "/v1/x", "get")} is {@code /paths/~1v1~1x/get}. */
    public static String of(Object... segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(escape(String.valueOf(segment)));
        }
        return pointer.toString();
    }

    /** Appends unescaped segments to a pointer. */
    public static String append(String pointer, Object... segments) {
        return pointer + of(segments);
    }

    /** Escapes one segment ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** Splits a pointer into unescaped segments; {@code ""} has none. */
    public static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** The pointer one level up; {@code ""} stays {@code ""}. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** Maps a top-level Swagger 2.0 pointer to where the converter puts it in OpenAPI 3. */
    public static String swagger2ToOpenApi3(String pointer) {
        for (String[] mapping : SWAGGER2_TO_OPENAPI3) {
            if (pointer.startsWith(mapping[0])) {
                return mapping[1] + pointer.substring(mapping[0].length());
            }
        }
        return pointer;
    }

    /** Maps a top-level OpenAPI 3 pointer back to where a Swagger 2.0 document has it. */
    public static String openApi3ToSwagger2(String pointer) {
        for (String[] mapping : SWAGGER2_TO_OPENAPI3) {
            if (pointer.startsWith(mapping[1])) {
                return mapping[0] + pointer.substring(mapping[1].length());
            }
        }
        return pointer;
    }

    /** Tells whether {@code pointer} is {@code ancestor} or lies below it. */
    public static boolean isWithin(String pointer, String ancestor) {
        return ancestor.isEmpty() || pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }
}
