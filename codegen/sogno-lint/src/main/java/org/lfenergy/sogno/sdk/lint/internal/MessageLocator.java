package org.lfenergy.sogno.sdk.lint.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the JSON pointer a swagger-parser message is about. The parser writes locations as
 * {@code attribute paths.'/v1/x'(get).responses.200.description is missing}; this turns that into
 * {@code /paths/~1v1~1x/get/responses/200/description}. Messages without such a location map to
 * the document ({@code ""}).
 */
public final class MessageLocator {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute ([^\\s]+(?: [^\\s]+)*?)(?: is | are |$)");

    private MessageLocator() {
    }

    /** The pointer a message refers to, or {@code ""}. */
    public static String pointerOf(String message) {
        Matcher matcher = ATTRIBUTE.matcher(message == null ? "" : message);
        if (!matcher.find()) {
            return "";
        }
        List<String> segments = new ArrayList<>();
        String path = matcher.group(1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '.' || c == '(' || c == ')')) {
                flush(current, segments);
            } else {
                current.append(c);
            }
        }
        flush(current, segments);
        return Pointers.of(segments.toArray());
    }

    private static void flush(StringBuilder current, List<String> segments) {
        if (current.length() > 0) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }
}
