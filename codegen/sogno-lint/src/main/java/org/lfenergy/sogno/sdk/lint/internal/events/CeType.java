package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** A {@code ce_type} value a message's headers pin ({@code const} or {@code enum}), and where it is written. */
record CeType(String value, String pointer) {

    /** The pinned {@code ce_type} values of a header shape; empty when the headers leave it open. */
    static List<CeType> of(AsyncApiDocument.Shape headers) {
        List<CeType> types = new ArrayList<>();
        for (AsyncApiDocument.SchemaAt ceType : headers.properties().getOrDefault("ce_type", List.of())) {
            add(types, ceType);
        }
        return types;
    }

    private static void add(List<CeType> types, AsyncApiDocument.SchemaAt ceType) {
        JsonNode constant = ceType.node().get("const");
        if (constant != null && constant.isTextual()) {
            types.add(new CeType(constant.asText(), Pointers.append(ceType.pointer(), "const")));
        }
        JsonNode values = ceType.node().path("enum");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isTextual()) {
                types.add(new CeType(values.get(i).asText(), Pointers.append(ceType.pointer(), "enum", i)));
            }
        }
    }
}
