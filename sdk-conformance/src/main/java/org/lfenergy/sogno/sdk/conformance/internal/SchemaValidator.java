package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates bodies against schemas of the spec, addressed by their JSON pointer in the document,
 * under the OpenAPI 3.0 (or 3.1) dialect of networknt's json-schema-validator with formats asserted.
 * Schemas compile on first use and are kept. Thread-safe.
 */
public final class SchemaValidator {
  private static final String BASE = "https://conformance.sogno.invalid/spec.json";
  private static final String INLINE = "https://conformance.sogno.invalid/inline/";
  private static final int MAX_MESSAGES = 3;

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  public SchemaValidator(JsonNode document) {
    boolean openApi31 = document.path("openapi").asText("").startsWith("3.1");
    String text;
    try {
      text = new ObjectMapper().writeValueAsString(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The spec does not serialise as JSON: " + e.getMessage(), e);
    }
    JsonMetaSchema dialect = openApi31 ? OpenApi31.getInstance() : OpenApi30.getInstance();
    this.factory = JsonSchemaFactory.getInstance(openApi31 ? SpecVersion.VersionFlag.V202012 : SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri())
            .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    this.config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true)
        .nullableKeywordEnabled(true).failFast(false).build();
  }

  /**
   * What is wrong with {@code instance} against {@code schema}, at most three messages; empty when
   * it is valid or the schema cannot be compiled (then nothing can be said). The schema is compiled
   * as a copy whose document-internal {@code $ref}s point into the whole document, so inline schemas
   * under {@code paths} need no JSON pointer in a URI.
   */
  public List<String> violations(Located schema, JsonNode instance) {
    JsonSchema compiledSchema;
    try {
      compiledSchema = compiled.computeIfAbsent(schema.pointer(), p -> {
        JsonSchema s = factory.getSchema(SchemaLocation.of(INLINE + compiled.size() + ".json"),
            absoluteRefs(schema.node().deepCopy()), config);
        s.initializeValidators();
        return s;
      });
    } catch (RuntimeException e) {
      return List.of();
    }
    return compiledSchema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().limit(MAX_MESSAGES).toList();
  }

  private static JsonNode absoluteRefs(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        object.put("$ref", BASE + ref.asText());
      }
    }
    node.forEach(SchemaValidator::absoluteRefs);
    return node;
  }
}
