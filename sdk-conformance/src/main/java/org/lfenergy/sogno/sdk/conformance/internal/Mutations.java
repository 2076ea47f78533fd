package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invalid requests of an operation, each breaking one constraint of a valid request: a missing
 * required member or parameter, a wrong type, a bound, an enum, a format, a length (an over-long
 * header among them), the content type, and malformed JSON. One mutation per kind and place kind
 * (the first the body walk meets), so an operation costs a dozen requests, not hundreds.
 */
public final class Mutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;
  private static final java.util.Set<String> FORMATS = java.util.Set.of("date-time", "date", "uuid", "email");

  private final SpecDocument document;
  private final SchemaArbitraries schemas;
  private final Map<String, Mutation> byKind = new LinkedHashMap<>();

  private Mutations(SpecDocument document) {
    this.document = document;
    this.schemas = new SchemaArbitraries(document, true);
  }

  /** The mutations of {@code operation}, found on {@code valid}. */
  public static List<Mutation> of(SpecDocument document, Operation operation, RequestValues valid) {
    Mutations mutations = new Mutations(document);
    mutations.parameters(operation);
    operation.body().ifPresent(body -> {
      if (valid.body() != null) {
        mutations.walk("body", "", body.schema(), valid.body(), 0);
        mutations.add("content-type", Mutation.probe("body sent as text/plain",
            probe -> probe.withBody(probe.body(), "text/plain")));
        mutations.add("malformed", Mutation.probe("malformed JSON body", Mutation::truncated));
      }
    });
    return List.copyOf(mutations.byKind.values());
  }

  private void parameters(Operation operation) {
    for (Operation.Parameter p : operation.parameters()) {
      String lower = p.name().toLowerCase(Locale.ROOT);
      if (lower.equals("x-request-id") || lower.equals("traceparent") || lower.equals("prefer")) {
        continue;
      }
      String where = p.in() + " " + p.name();
      if (p.required() && !p.in().equals("path")) {
        add(p.in() + ":required", Mutation.parameter(where + ": required parameter missing", p, null));
      }
      JsonNode schema = schemas.merged(document.resolve(p.schema()).node());
      for (Map.Entry<String, JsonNode> broken : breakages(schema, p.in().equals("header")).entrySet()) {
        add(p.in() + ":" + broken.getKey(), Mutation.parameter(where + ": " + broken.getKey(), p, broken.getValue()));
      }
    }
  }

  private void walk(String place, String pointer, Located located, JsonNode value, int depth) {
    if (depth > MAX_DEPTH || value == null) {
      return;
    }
    JsonNode schema = schemas.merged(document.resolve(located).node());
    String where = place + " #" + pointer;
    for (Map.Entry<String, JsonNode> broken : breakages(schema, false).entrySet()) {
      add(place + ":" + broken.getKey(), Mutation.bodyValue(where + ": " + broken.getKey(), pointer, broken.getValue()));
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        String name = required.asText();
        if (value.has(name)) {
          add(place + ":required", Mutation.bodyValue(where + "/" + name + ": required member missing",
              pointer + "/" + escape(name), null));
        }
      }
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        if (value.has(property.getKey())) {
          walk(place, pointer + "/" + escape(property.getKey()), new Located(property.getValue(), ""),
              value.get(property.getKey()), depth + 1);
        }
      }
    } else if (value.isArray() && !value.isEmpty()) {
      walk(place, pointer + "/0", new Located(schema.path("items"), ""), value.get(0), depth + 1);
    }
  }

  /** Values breaking one constraint of {@code schema} each, keyed by the constraint. */
  private static Map<String, JsonNode> breakages(JsonNode schema, boolean header) {
    Map<String, JsonNode> broken = new LinkedHashMap<>();
    String type = SchemaArbitraries.type(schema);
    if (!schema.has("type")) {
      return broken;
    }
    if (type.equals("integer") || type.equals("number")) {
      broken.put("type", NODES.textNode("not-a-number"));
      if (schema.path("minimum").isNumber() || schema.path("exclusiveMinimum").isNumber()) {
        broken.put("minimum", NODES.numberNode(SchemaArbitraries.bound(schema, "minimum", "exclusiveMinimum", 0, true)
            .subtract(java.math.BigDecimal.ONE)));
      }
      if (schema.path("maximum").isNumber() || schema.path("exclusiveMaximum").isNumber()) {
        broken.put("maximum", NODES.numberNode(SchemaArbitraries.bound(schema, "maximum", "exclusiveMaximum", 0, false)
            .add(java.math.BigDecimal.ONE)));
      }
    } else if (type.equals("boolean")) {
      broken.put("type", NODES.textNode("not-a-boolean"));
    } else if (type.equals("string")) {
      if (!header) {
        broken.put("type", NODES.numberNode(12345));
      }
      if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
        broken.put("enum", NODES.textNode("not-one-of-the-enum-values"));
      }
      if (FORMATS.contains(schema.path("format").asText())) {
        broken.put("format", NODES.textNode("not-a-" + schema.path("format").asText()));
      }
      if (schema.path("maxLength").isInt() && schema.path("maxLength").asInt() < 10_000) {
        broken.put(header ? "over-long header" : "maxLength",
            NODES.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
      }
    } else if (type.equals("object") || type.equals("array")) {
      broken.put("type", type.equals("object") ? NODES.arrayNode() : NODES.textNode("not-an-array"));
    }
    return broken;
  }

  private void add(String kind, Mutation mutation) {
    byKind.putIfAbsent(kind, mutation);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
