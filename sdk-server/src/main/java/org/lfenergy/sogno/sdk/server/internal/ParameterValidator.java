package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Checks path, query and header parameters against their schemas. Raw strings are first read as the
 * schema's type ({@code integer}, {@code number}, {@code boolean}, arrays of them; repeated query
 * parameters or comma-separated values form arrays); a value that does not read as the type stays a
 * string, so the schema reports it as a {@code type} error. Pointers are {@code #/<in>/<name>}.
 * {@code X-Request-ID} and {@code traceparent} are never refused (see {@link #NOT_REFUSED}).
 */
final class ParameterValidator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * Headers whose bad values are replaced or ignored, never refused: {@code X-Request-ID} (SOGNO-305,
   * replaced by the runtime) and {@code traceparent} (W3C Trace Context: an invalid one starts a new
   * trace).
   */
  private static final java.util.Set<String> NOT_REFUSED = java.util.Set.of("x-request-id", "traceparent");

  private final SchemaRegistry schemas;

  ParameterValidator(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  List<Problem.FieldError> validate(Operation operation, Map<String, String> path,
      Map<String, List<String>> query, Map<String, List<String>> headers) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Operation.Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("header") && NOT_REFUSED.contains(parameter.name().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      List<String> values = switch (parameter.in()) {
        case "path" -> path.containsKey(parameter.name()) ? List.of(path.get(parameter.name())) : List.of();
        case "query" -> query.getOrDefault(parameter.name(), List.of());
        case "header" -> headers.getOrDefault(parameter.name(), List.of());
        default -> List.of();
      };
      String pointer = "#/" + parameter.in() + "/" + parameter.name().replace("~", "~0").replace("/", "~1");
      if (values.isEmpty()) {
        if (parameter.required()) {
          errors.add(new Problem.FieldError(pointer, "The " + parameter.in() + " parameter " + parameter.name()
              + " is required", "required"));
        }
        continue;
      }
      errors.addAll(schemas.validate(parameter.schema(), read(parameter, values), pointer));
    }
    return errors;
  }

  private static JsonNode read(Operation.Parameter parameter, List<String> values) {
    if (parameter.isArray()) {
      ArrayNode array = NODES.arrayNode();
      // Path and header arrays are comma-separated (style simple); query arrays repeat the name
      // (style form, explode true: the default), or come as one comma-separated value (explode false).
      List<String> items = values.size() == 1 ? List.of(values.get(0).split(",", -1)) : values;
      items.forEach(item -> array.add(scalar(parameter.itemType(), item)));
      return array;
    }
    return scalar(parameter.type(), values.get(0));
  }

  static JsonNode scalar(String type, String value) {
    try {
      if ("integer".equals(type) && value.matches("-?[0-9]+")) {
        return NODES.numberNode(new BigInteger(value));
      }
      if ("number".equals(type) && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
        return NODES.numberNode(new BigDecimal(value));
      }
    } catch (NumberFormatException e) {
      return NODES.textNode(value);
    }
    if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    return NODES.textNode(value);
  }
}
