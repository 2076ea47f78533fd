package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Every schema of the spec that requests and responses are checked against, compiled once with
 * networknt's json-schema-validator under the OpenAPI 3.0 (or 3.1) dialect: {@code nullable},
 * {@code discriminator} (through {@link Discriminators}), formats asserted, every violation reported
 * (no fail-fast). Messages of combinators ({@code oneOf}, {@code anyOf}, {@code allOf}, {@code not})
 * are dropped when more specific ones explain the failure.
 *
 * <p>Schemas are collected first ({@link #add}), each copied under a synthetic name into the spec's
 * {@code components/schemas}, so that their {@code $ref}s resolve against the document; {@link
 * #compile()} then builds the validators. Thread-safe after {@code compile()}.
 */
final class SchemaRegistry {
  private static final String BASE = "https://sogno.invalid/service-spec.json";
  private static final String PREFIX = "x-sogno-runtime-";
  private static final java.util.Set<String> COMBINATORS = java.util.Set.of("oneOf", "anyOf", "allOf", "not");
  private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
  /** Keywords that describe a value and constrain nothing. */
  private static final java.util.Set<String> ANNOTATIONS = java.util.Set.of("title", "description", "example",
      "examples", "deprecated", "externalDocs", "xml", "$comment");

  private final ObjectNode document;
  private final boolean openApi31;
  private final List<JsonNode> pending = new ArrayList<>();
  private final List<JsonSchema> compiled = new ArrayList<>();

  SchemaRegistry(ObjectNode document, boolean openApi31) {
    this.document = document;
    this.openApi31 = openApi31;
  }

  /** Registers {@code schema}; returns its handle for {@link #validate}. */
  int add(JsonNode schema) {
    pending.add(schema);
    return pending.size() - 1;
  }

  void compile() {
    ObjectNode schemas = document.withObjectProperty("components").withObjectProperty("schemas");
    for (int i = 0; i < pending.size(); i++) {
      schemas.set(PREFIX + i, pending.get(i));
    }
    Discriminators.rewrite(document.path("components"));
    String text;
    try {
      text = new ObjectMapper().writeValueAsString(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise the spec for validation", e);
    }
    // The spec's own members (openapi, info, paths, x-…) and OpenAPI 3.0's exclusiveMinimum/Maximum
    // booleans (read by minimum/maximum) are no JSON Schema keywords: annotations, not a warning each.
    JsonMetaSchema dialect = JsonMetaSchema.builder(openApi31 ? OpenApi31.getInstance() : OpenApi30.getInstance())
        .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
        .build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
        openApi31 ? SpecVersion.VersionFlag.V202012 : SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri())
            .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .nullableKeywordEnabled(true)
        .failFast(false)
        .build();
    for (int i = 0; i < pending.size(); i++) {
      JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + "#/components/schemas/" + PREFIX + i), config);
      schema.initializeValidators();
      compiled.add(schema);
    }
  }

  /**
   * Every violation of {@code instance} against schema {@code handle}, sorted by pointer; pointers
   * are {@code prefix} followed by the JSON pointer of the offending value ({@code #/a/0/b}).
   */
  List<Problem.FieldError> validate(int handle, JsonNode instance, String prefix) {
    List<Problem.FieldError> errors = new ArrayList<>();
    java.util.Set<ValidationMessage> messages = compiled.get(handle).validate(instance);
    boolean specific = messages.stream().anyMatch(m -> !COMBINATORS.contains(m.getType()));
    for (ValidationMessage message : messages) {
      if (specific && COMBINATORS.contains(message.getType())) {
        continue;
      }
      String pointer = message.getInstanceLocation().toString();
      String code = message.getType();
      if (message.getProperty() != null && (code.equals("required") || code.equals("additionalProperties")
          || code.equals("dependentRequired"))) {
        pointer = pointer + "/" + escape(message.getProperty());
      }
      String detail = message.getError() != null ? message.getError() : message.getMessage();
      errors.add(new Problem.FieldError(prefix + pointer, detail, kebabCase(code)));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::pointer).thenComparing(Problem.FieldError::code));
    return errors;
  }

  /**
   * Whether {@code schema} holds every string: it has no constraint, only a {@code type} of {@code
   * string} and annotations (description, examples, …). Checked once per parameter at start-up, so
   * that such parameters skip the validator on every request; anything else, a {@code $ref} included,
   * counts as a constraint.
   */
  static boolean refusesNoString(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      boolean stringType = field.getKey().equals("type") && field.getValue().isTextual()
          && field.getValue().asText().equals("string");
      if (!stringType && !ANNOTATIONS.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The base spec's {@code ValidationProblem} asks for kebab-case codes ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}):
   * {@code maxLength} becomes {@code max-length}.
   */
  static String kebabCase(String keyword) {
    return CAMEL_HUMP.matcher(keyword).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
