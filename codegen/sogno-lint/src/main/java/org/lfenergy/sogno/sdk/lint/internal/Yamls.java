package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/** The Jackson mappers of the loader: YAML for YAML sources, JSON for JSON ones (better error positions). */
public final class Yamls {

    private static final ObjectMapper YAML = YAMLMapper.builder(
            YAMLFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build()).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Yamls() {
    }

    /** Picks the mapper by the first non-blank character: JSON documents start with {@code {} or {@code [}. */
    public static ObjectMapper mapperFor(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[' ? JSON : YAML;
            }
        }
        return YAML;
    }

    /** A fresh streaming parser over {@code text} of the mapper's format. */
    public static JsonParser parser(ObjectMapper mapper, String text) throws IOException {
        JsonFactory factory = mapper.getFactory();
        return factory.createParser(text);
    }

    /** The YAML mapper, for writing resolved copies. */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** The JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    static JsonNode readBase() {
        try {
            return YAML.readTree(BaseSpec.text());
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled SOGNO base spec is not valid YAML", e);
        }
    }
}
