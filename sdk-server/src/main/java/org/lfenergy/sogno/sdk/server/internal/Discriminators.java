package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes OpenAPI's {@code discriminator} decide, for json-schema-validator: a {@code oneOf}/{@code
 * anyOf} of references with a discriminator becomes "the property is one of the mapped values, and
 * for each value, the instance matches its schema". So {@code {"kind":"circle"}} is checked against
 * {@code Circle} only and the errors point into it, instead of a bare "matches none" (networknt
 * 1.5.9 does not apply explicit {@code mapping}s to {@code oneOf}). Values without a mapping entry
 * are the referenced schema's name, as in OpenAPI. Written in draft-4 terms (the 3.0 dialect):
 * {@code anyOf: [not(value), schema]} is "value implies schema". The {@code discriminator} keyword of
 * a rewritten schema is removed, so networknt's own discriminator handling never meets it (it refused
 * a discriminated {@code oneOf} nested in a variant of itself).
 */
final class Discriminators {
  /** Marks the implications, whose own {@code anyOf}/{@code not} messages are noise. */
  static final String MARK = "x-sogno-discriminated";

  private Discriminators() {}

  static void rewrite(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(Discriminators::rewrite);
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
      rewrite(children.next());
    }
    JsonNode discriminator = object.get("discriminator");
    String combinator = object.has("oneOf") ? "oneOf" : object.has("anyOf") ? "anyOf" : null;
    if (discriminator == null || combinator == null || !discriminator.path("propertyName").isTextual()) {
      return;
    }
    Map<String, String> mapping = mapping(discriminator, object.get(combinator));
    if (mapping.isEmpty()) {
      return;
    }
    String property = discriminator.get("propertyName").asText();
    object.remove(combinator);
    // The keyword is now expressed by the implications; left in place, networknt's own handling
    // would also run. Each anyOf opens a discriminator context; a schema with a discriminator,
    // once validated, registers it in the innermost open one. A Shape nested in a Group (itself a
    // Shape) thus registers in the outer implication's anyOf, whose branches its value does not
    // name: that context is active without a match and the valid body fails with "No alternative
    // could be chosen based on the discriminator property" at the outer object.
    object.remove("discriminator");
    ArrayNode allOf = object.has("allOf") ? (ArrayNode) object.get("allOf") : object.putArray("allOf");
    mapping.forEach((value, ref) -> {
      ObjectNode implication = allOf.addObject();
      implication.put(MARK, true);
      ArrayNode anyOf = implication.putArray("anyOf");
      ObjectNode other = anyOf.addObject().putObject("not");
      other.putArray("required").add(property);
      other.putObject("properties").putObject(property).putArray("enum").add(value);
      anyOf.addObject().put("$ref", ref);
    });
    ArrayNode required = object.has("required") ? (ArrayNode) object.get("required") : object.putArray("required");
    required.add(property);
    ObjectNode properties = object.has("properties") ? (ObjectNode) object.get("properties") : object.putObject("properties");
    ArrayNode values = properties.putObject(property).putArray("enum");
    mapping.keySet().forEach(values::add);
  }

  private static Map<String, String> mapping(JsonNode discriminator, JsonNode branches) {
    Map<String, String> mapping = new LinkedHashMap<>();
    discriminator.path("mapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asText()));
    List<String> refs = new ArrayList<>();
    for (JsonNode branch : branches) {
      if (!branch.path("$ref").isTextual()) {
        return Map.of(); // an inline branch cannot be named: leave the schema as it is
      }
      refs.add(branch.get("$ref").asText());
    }
    for (String ref : refs) {
      if (!mapping.containsValue(ref)) {
        mapping.put(ref.substring(ref.lastIndexOf('/') + 1), ref);
      }
    }
    return mapping;
  }
}
