package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Checks path, query and header parameters against their schemas. Raw strings are first read as the
 * schema's type ({@code integer}, {@code number}, {@code boolean}, arrays of them; repeated query
 * parameters or comma-separated values form arrays); a value that does not read as the type stays a
 * string, so the schema reports it as a {@code type} error. Pointers are {@code #/<in>/<name>}.
 * {@code X-Request-ID} and {@code traceparent} are never refused (see {@link #NOT_REFUSED}); a
 * parameter whose schema refuses no string is not run through the schema validator.
 */
final class ParameterValidator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  /**
   * Headers whose bad values are replaced or ignored, never refused: {@code X-Request-ID} (SOGNO-305,
   * replaced by the runtime) and {@code traceparent} (W3C Trace Context: an invalid one starts a new
   * trace).
   */
  static final Set<String> NOT_REFUSED = Set.of("x-request-id", "traceparent");

  private final SchemaRegistry schemas;

  ParameterValidator(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  /**
   * Every violation of the operation's parameters; what applies to each parameter (whether it is
   * checked at all, its pointer, whether its schema takes every string) was settled at start-up.
   */
  List<Problem.FieldError> validate(Operation operation, Map<String, String> path,
      Map<String, List<String>> query, Map<String, List<String>> headers) {
    List<Problem.FieldError> errors = null;
    for (Operation.Parameter parameter : operation.parameters()) {
      if (!parameter.checked()) {
        continue;
      }
      List<String> values = switch (parameter.in()) {
        case "path" -> path.containsKey(parameter.name()) ? List.of(path.get(parameter.name())) : List.of();
        case "query" -> query.getOrDefault(parameter.name(), List.of());
        case "header" -> headers.getOrDefault(parameter.name(), List.of());
        default -> List.of();
      };
      List<Problem.FieldError> found;
      if (values.isEmpty()) {
        found = parameter.required() ? List.of(new Problem.FieldError(parameter.pointer(), "The " + parameter.in()
            + " parameter " + parameter.name() + " is required", "required")) : List.of();
      } else if (parameter.takesEveryString()) {
        continue; // read as text, and its schema refuses no text
      } else {
        found = schemas.validate(parameter.schema(), read(parameter, values), parameter.pointer());
      }
      if (!found.isEmpty()) {
        errors = errors == null ? new ArrayList<>() : errors;
        errors.addAll(found);
      }
    }
    return errors == null ? List.of() : errors;
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
      if ("integer".equals(type) && INTEGER.matcher(value).matches()) {
        return NODES.numberNode(new BigInteger(value));
      }
      if ("number".equals(type) && NUMBER.matcher(value).matches()) {
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
