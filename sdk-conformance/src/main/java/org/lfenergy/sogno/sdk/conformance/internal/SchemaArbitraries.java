package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of values valid against a spec schema: {@code enum}, {@code type}, {@code format}
 * ({@code date-time}, {@code date}, {@code uuid}, {@code email}, {@code uri}, {@code int32}, {@code int64}),
 * bounds ({@code minimum}/{@code maximum}, exclusive in the 3.0 and 3.1 forms), lengths, item counts
 * and {@code required}. Optional properties are sometimes left out; {@code allOf} is merged,
 * {@code oneOf}/{@code anyOf} generate their first alternative; a {@code pattern} is honoured through
 * the schema's {@code example} or {@code default} when it has one. Generated values shrink towards
 * small ones (jqwik), so a failing request shrinks to a minimal one.
 */
public final class SchemaArbitraries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;
  private static final double NUMBER_SPAN = 1.0e6;

  private final SpecDocument document;
  private final boolean headerSafe;

  /** @param headerSafe strings limited to letters and digits, so they can travel in a header or URL */
  public SchemaArbitraries(SpecDocument document, boolean headerSafe) {
    this.document = document;
    this.headerSafe = headerSafe;
  }

  /** Values valid against {@code schema}. */
  public Arbitrary<JsonNode> of(Located schema) {
    return of(schema, 0);
  }

  private Arbitrary<JsonNode> of(Located located, int depth) {
    JsonNode schema = merged(document.resolve(located).node());
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      List<JsonNode> values = new ArrayList<>();
      schema.path("enum").forEach(values::add);
      return Arbitraries.of(values).map(JsonNode::deepCopy);
    }
    JsonNode fixed = schema.has("const") ? schema.get("const")
        : schema.has("pattern") ? schema.has("example") ? schema.get("example") : schema.get("default") : null;
    if (fixed != null) {
      return Arbitraries.create(fixed::deepCopy);
    }
    List<JsonNode> alternatives = new ArrayList<>();
    schema.path("oneOf").forEach(alternatives::add);
    schema.path("anyOf").forEach(alternatives::add);
    if (!alternatives.isEmpty() && depth < MAX_DEPTH) {
      return of(new Located(alternatives.get(0), located.pointer()), depth + 1);
    }
    return switch (type(schema)) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "integer" -> integer(schema);
      case "number" -> number(schema);
      case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
      default -> string(schema);
    };
  }

  /** The schema's type; 3.1 type lists give their first non-null entry; untyped schemas with properties are objects. */
  static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  /** The schema with its {@code allOf} parts' properties and required lists merged in. */
  JsonNode merged(JsonNode schema) {
    if (!schema.path("allOf").isArray()) {
      return schema;
    }
    ObjectNode merged = schema.deepCopy();
    merged.remove("allOf");
    for (JsonNode part : schema.path("allOf")) {
      JsonNode resolved = merged(document.resolve(new Located(part, "")).node());
      resolved.properties().forEach(e -> {
        if (e.getValue().isObject() && merged.path(e.getKey()).isObject()) {
          ((ObjectNode) merged.get(e.getKey())).setAll((ObjectNode) e.getValue());
        } else if (e.getValue().isArray() && merged.path(e.getKey()).isArray()) {
          ((ArrayNode) merged.get(e.getKey())).addAll((ArrayNode) e.getValue());
        } else if (!merged.has(e.getKey())) {
          merged.set(e.getKey(), e.getValue());
        }
      });
    }
    return merged;
  }

  private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> members = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = property.getKey();
      boolean isRequired = required.contains(name);
      if (!isRequired && depth >= MAX_DEPTH) {
        continue;
      }
      Arbitrary<Map.Entry<String, JsonNode>> value = of(new Located(property.getValue(), ""), depth + 1)
          .map(v -> Map.entry(name, v));
      members.add(isRequired ? value.map(Optional::of) : value.optional(0.5));
    }
    if (members.isEmpty()) {
      return Arbitraries.create(NODES::objectNode);
    }
    return Combinators.combine(members).as(entries -> {
      ObjectNode node = NODES.objectNode();
      entries.forEach(e -> e.ifPresent(m -> node.set(m.getKey(), m.getValue())));
      return node;
    });
  }

  private Arbitrary<JsonNode> array(JsonNode schema, int depth) {
    int min = Math.min(schema.path("minItems").asInt(0), 10);
    int max = Math.max(min, Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), depth >= MAX_DEPTH ? min : 3));
    return of(new Located(schema.path("items"), ""), depth + 1).list().ofMinSize(min).ofMaxSize(max)
        .map(items -> {
          ArrayNode node = NODES.arrayNode();
          items.forEach(node::add);
          return node;
        });
  }

  private static Arbitrary<JsonNode> integer(JsonNode schema) {
    long min = bound(schema, "minimum", "exclusiveMinimum", -NUMBER_SPAN, true).setScale(0, java.math.RoundingMode.CEILING)
        .longValue();
    long max = bound(schema, "maximum", "exclusiveMaximum", NUMBER_SPAN, false).setScale(0, java.math.RoundingMode.FLOOR)
        .longValue();
    return Arbitraries.longs().between(min, Math.max(min, max)).shrinkTowards(Math.max(min, Math.min(0, max)))
        .map(NODES::numberNode);
  }

  private static Arbitrary<JsonNode> number(JsonNode schema) {
    double min = schema.has("minimum") || schema.has("exclusiveMinimum")
        ? bound(schema, "minimum", "exclusiveMinimum", 0, true).doubleValue() : -NUMBER_SPAN;
    double max = schema.has("maximum") || schema.has("exclusiveMaximum")
        ? bound(schema, "maximum", "exclusiveMaximum", 0, false).doubleValue() : NUMBER_SPAN;
    boolean minIncluded = !exclusive(schema, "minimum", "exclusiveMinimum");
    boolean maxIncluded = !exclusive(schema, "maximum", "exclusiveMaximum");
    if (min >= max) {
      return Arbitraries.create(() -> NODES.numberNode(Math.max(min, Math.min(max, 0))));
    }
    double upper = Math.min(max, min + 2 * NUMBER_SPAN);
    return Arbitraries.doubles().between(min, minIncluded, upper, upper < max || maxIncluded).ofScale(3)
        .map(NODES::numberNode);
  }

  /** A bound in the 3.0 form ({@code minimum} + boolean {@code exclusiveMinimum}) or the 3.1 one (a number). */
  static BigDecimal bound(JsonNode schema, String inclusive, String exclusive, double fallback, boolean lower) {
    JsonNode excl = schema.path(exclusive);
    BigDecimal step = BigDecimal.ONE;
    if (excl.isNumber()) {
      return lower ? excl.decimalValue().add(step) : excl.decimalValue().subtract(step);
    }
    if (!schema.path(inclusive).isNumber()) {
      return BigDecimal.valueOf(fallback);
    }
    BigDecimal value = schema.path(inclusive).decimalValue();
    if (excl.asBoolean(false) && "integer".equals(type(schema))) {
      return lower ? value.add(step) : value.subtract(step);
    }
    return value;
  }

  private static boolean exclusive(JsonNode schema, String inclusive, String exclusive) {
    return schema.path(exclusive).isNumber() || schema.path(exclusive).asBoolean(false) && schema.has(inclusive);
  }

  private Arbitrary<JsonNode> string(JsonNode schema) {
    String format = schema.path("format").asText("");
    Arbitrary<String> value = switch (format) {
      case "date-time" -> Arbitraries.longs().between(0, 4_102_444_800L)
          .map(s -> Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC).toString());
      case "date" -> Arbitraries.longs().between(0, 70_000).map(d -> LocalDate.ofEpochDay(d).toString());
      case "uuid" -> Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
          .as((hi, lo) -> new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
              .toString());
      case "email" -> letters(1, 20).map(local -> local + "@example.org");
      case "uri", "url" -> letters(0, 20).map(p -> "https://example.org/" + p);
      default -> letters(schema.path("minLength").asInt(0),
          Math.max(schema.path("minLength").asInt(0), Math.min(schema.path("maxLength").asInt(24), 24)));
    };
    return value.map(NODES::textNode);
  }

  private Arbitrary<String> letters(int min, int max) {
    var strings = Arbitraries.strings().alpha().numeric().ofMinLength(min).ofMaxLength(max);
    return headerSafe ? strings : strings.withChars(" -_.é");
  }
}
