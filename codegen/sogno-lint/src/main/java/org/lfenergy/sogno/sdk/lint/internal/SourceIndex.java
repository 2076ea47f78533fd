package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each element of a YAML or JSON document starts: JSON pointer → 1-based line and column.
 * swagger-parser keeps no positions, so findings are located through this index. An object member
 * is located at its key, an array element at its first token.
 */
public final class SourceIndex {

    /** A 1-based position in the source. */
    public record Position(int line, int column) {
        /** The first character of the file. */
        public static final Position START = new Position(1, 1);
    }

    private final Map<String, Position> positions;
    private final boolean swagger2;

    private SourceIndex(Map<String, Position> positions, boolean swagger2) {
        this.positions = positions;
        this.swagger2 = swagger2;
    }

    /** An index of nothing: every pointer is at the start of the file. */
    public static SourceIndex empty() {
        return new SourceIndex(Map.of(), false);
    }

    /**
     * Indexes the document the parser reads (the parser must be fresh).
     *
     * @param swagger2 whether pointers given to {@link #locate} are OpenAPI 3 pointers of a document
     *     whose source is Swagger 2.0
     * @throws IOException on malformed input (the tree parse reports it first in practice)
     */
    public static SourceIndex of(JsonParser parser, boolean swagger2) throws IOException {
        Map<String, Position> positions = new HashMap<>();
        if (parser.nextToken() != null) {
            positions.put("", position(parser.currentTokenLocation()));
            walk(parser, "", positions);
        }
        return new SourceIndex(positions, swagger2);
    }

    private static void walk(JsonParser parser, String pointer, Map<String, Position> positions) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = Pointers.append(pointer, parser.currentName());
                positions.put(child, position(parser.currentTokenLocation()));
                parser.nextToken();
                walk(parser, child, positions);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = pointer + "/" + index++;
                positions.put(child, position(parser.currentTokenLocation()));
                walk(parser, child, positions);
            }
        }
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** Tells whether the source has an element at exactly this pointer (in source terms). */
    public boolean contains(String sourcePointer) {
        return positions.containsKey(sourcePointer);
    }

    /**
     * Locates an OpenAPI 3 pointer in the source: the element itself, or else its nearest ancestor
     * the source has (for elements a converter or the base spec added), or else the file's start.
     */
    public Position locate(String pointer) {
        String candidate = swagger2 ? Pointers.openApi3ToSwagger2(pointer) : pointer;
        while (true) {
            Position position = positions.get(candidate);
            if (position != null) {
                return position;
            }
            if (candidate.isEmpty()) {
                return Position.START;
            }
            candidate = Pointers.parent(candidate);
        }
    }
}
