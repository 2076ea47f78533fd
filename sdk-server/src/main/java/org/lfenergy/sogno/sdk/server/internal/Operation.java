package org.lfenergy.sogno.sdk.server.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the spec as the runtime serves it: where it lives, its parameters, the media types
 * and schemas of its request body and responses (as {@link SchemaRegistry} handles), and whether it
 * starts a job (its {@code 202} response is the base spec's {@code Job}). What requests need of it
 * (the media types of its successful answers and of its body) is worked out once, here.
 */
record Operation(
    String id,
    String method,
    PathTemplate path,
    List<Parameter> parameters,
    Optional<RequestBody> body,
    Map<String, Map<String, Integer>> responses,
    boolean startsJob,
    List<String> successMediaTypes,
    List<String> bodyMediaTypes) {

  Operation(String id, String method, PathTemplate path, List<Parameter> parameters, Optional<RequestBody> body,
      Map<String, Map<String, Integer>> responses, boolean startsJob) {
    this(id, method, path, parameters, body, responses, startsJob, successMedia(responses),
        body.map(b -> List.copyOf(b.media().keySet())).orElse(List.of()));
  }

  /**
   * A parameter: where it is, whether it is required, its schema handle and JSON type, and what its
   * checks need, settled at start-up: whether it is checked at all ({@link
   * ParameterValidator#NOT_REFUSED} headers are not), the pointer its errors carry ({@code
   * #/<in>/<name>}), and whether every value is valid as soon as it is present (a string or untyped
   * parameter whose schema has no constraint).
   */
  record Parameter(String name, String in, boolean required, int schema, String type, String itemType,
      boolean checked, String pointer, boolean takesEveryString) {

    /** @param schemaRefusesNoString whether the schema has no constraint a string could break */
    Parameter(String name, String in, boolean required, int schema, String type, String itemType,
        boolean schemaRefusesNoString) {
      this(name, in, required, schema, type, itemType,
          !(in.equals("header") && ParameterValidator.NOT_REFUSED.contains(name.toLowerCase(Locale.ROOT))),
          "#/" + in + "/" + name.replace("~", "~0").replace("/", "~1"),
          schemaRefusesNoString && (type == null || type.equals("string")));
    }

    boolean isArray() {
      return "array".equals(type);
    }
  }

  /** The request body: required or not, media type (lower case, no parameters) → schema handle (-1: none). */
  record RequestBody(boolean required, Map<String, Integer> media) {}

  /** No schema to check against. */
  static final int NO_SCHEMA = -1;

  /** The declared responses for {@code status}: exact, then {@code 2XX}-style ranges, then {@code default}. */
  Optional<Map<String, Integer>> response(int status) {
    Map<String, Integer> exact = responses.get(Integer.toString(status));
    if (exact != null) {
      return Optional.of(exact);
    }
    Map<String, Integer> range = responses.get((status / 100) + "XX");
    return Optional.ofNullable(range != null ? range : responses.get("default"));
  }

  /** Every media type a successful (2xx) answer may have. */
  private static List<String> successMedia(Map<String, Map<String, Integer>> responses) {
    return responses.entrySet().stream()
        .filter(e -> e.getKey().startsWith("2"))
        .flatMap(e -> e.getValue().keySet().stream())
        .distinct()
        .toList();
  }
}
