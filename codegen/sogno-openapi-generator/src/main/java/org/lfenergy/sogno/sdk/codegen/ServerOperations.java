package org.lfenergy.sogno.sdk.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenResponse;

/**
 * One operation as the server side sees it, as the Java that {@code serverHandler.mustache} renders:
 * the typed request record (its components and how each is bound from the runtime's validated
 * request), the typed response class (one factory per documented 2xx status) and, for an operation
 * whose {@code 202} answer is the base spec's {@code Job}, the typed work the runtime submits.
 *
 * <p>Every name from the spec reaches the generated code either as an identifier the generator has
 * already sanitised, or through {@link JavaText#stringContent} inside a string literal.
 */
final class ServerOperations {
  /** Record component names a record may not have (they clash with {@code Object}'s methods). */
  private static final Set<String> FORBIDDEN_COMPONENTS =
      Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private static final Map<String, String> FACTORIES = Map.of(
      "200", "ok", "201", "created", "202", "accepted", "203", "nonAuthoritative", "204", "noContent",
      "205", "resetContent", "206", "partialContent", "207", "multiStatus");

  private static final Map<String, String> PARSERS = Map.ofEntries(
      Map.entry("String", "java.util.function.Function.identity()"),
      Map.entry("Integer", "Integer::valueOf"),
      Map.entry("Long", "Long::valueOf"),
      Map.entry("Double", "Double::valueOf"),
      Map.entry("Float", "Float::valueOf"),
      Map.entry("Boolean", "Boolean::valueOf"),
      Map.entry("BigDecimal", "java.math.BigDecimal::new"),
      Map.entry("UUID", "java.util.UUID::fromString"),
      Map.entry("URI", "java.net.URI::create"),
      Map.entry("OffsetDateTime", "java.time.OffsetDateTime::parse"),
      Map.entry("LocalDate", "java.time.LocalDate::parse"));

  private final CodegenOperation operation;
  private final Set<String> modelNames;
  private final Set<String> enumModels;
  private final UnaryOperator<String> mappedModelName;

  private ServerOperations(CodegenOperation operation, Set<String> modelNames, Set<String> enumModels,
      UnaryOperator<String> mappedModelName) {
    this.operation = operation;
    this.modelNames = modelNames;
    this.enumModels = enumModels;
    this.mappedModelName = mappedModelName;
  }

  /**
   * Puts the {@code x-sogno-server-*} vendor extensions of {@code operation}.
   *
   * @param modelNames the Java class names of every generated model (nested names must not clash)
   * @param enumModels the ones that are (extensible) enums, read from a parameter with {@code of}
   * @param mappedModelName turns a schema name into the Java type the generator uses for it
   * @throws GenerationException for what the server side cannot bind (cookie parameters, a parameter
   *     of an object type)
   */
  static void describe(CodegenOperation operation, Set<String> modelNames, Set<String> enumModels,
      UnaryOperator<String> mappedModelName) {
    new ServerOperations(operation, modelNames, enumModels, mappedModelName).describe();
  }

  private void describe() {
    Map<String, Object> extensions = operation.vendorExtensions;
    String base = operation.operationIdCamelCase;
    extensions.put("x-sogno-server-request", nestedName(base, "Request"));
    extensions.put("x-sogno-server-response", nestedName(base, "Response"));
    extensions.put("x-sogno-server-operation-id", JavaText.stringContent(operation.operationId));
    List<Map<String, String>> components = requestComponents();
    extensions.put("x-sogno-server-components", components);
    List<Map<String, String>> factories = new ArrayList<>();
    for (CodegenResponse response : operation.responses) {
      if (response.is2xx && response.code.chars().allMatch(Character::isDigit)) {
        factory(response).ifPresent(factories::add);
      }
    }
    extensions.put("x-sogno-server-factories", factories);
  }

  private String nestedName(String base, String suffix) {
    String name = base + suffix;
    return modelNames.contains(name) ? base + "Operation" + suffix : name;
  }

  /** The request record's components, in order: parameters, the body, then the raw request. */
  private List<Map<String, String>> requestComponents() {
    List<Map<String, String>> components = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CodegenParameter parameter : operation.allParams) {
      if (parameter.isBodyParam || parameter.isFormParam) {
        continue;
      }
      if (parameter.isCookieParam) {
        throw new GenerationException("operation '" + operation.operationId + "': cookie parameter '"
            + parameter.baseName + "' is not supported by the server side", null);
      }
      String name = componentName(parameter.paramName, names);
      components.add(component(name, parameterType(parameter), parameterBinding(parameter), parameter.description,
          parameter.baseName));
    }
    if (operation.bodyParam != null) {
      CodegenParameter body = operation.bodyParam;
      String name = componentName("body", names);
      String type = body.required ? body.dataType : "java.util.Optional<" + body.dataType + ">";
      components.add(component(name, type, bodyBinding(body), body.description, "request body"));
    } else if (!operation.formParams.isEmpty()) {
      String name = componentName("body", names);
      components.add(component(name, "byte[]", "request.rawBody()", "the form body as it came", "request body"));
    }
    String context = componentName("context", names);
    components.add(component(context, "OperationRequest", "request",
        "the validated request itself: principal, request id, headers, external base URL", "request"));
    for (int i = 0; i < components.size(); i++) {
      components.get(i).put("separator", i == components.size() - 1 ? "" : ",");
    }
    return components;
  }

  private static String componentName(String preferred, List<String> taken) {
    String name = FORBIDDEN_COMPONENTS.contains(preferred) ? preferred + "Value" : preferred;
    while (taken.contains(name)) {
      name = name + "_";
    }
    taken.add(name);
    return name;
  }

  private static Map<String, String> component(String name, String type, String binding, String description,
      String wireName) {
    Map<String, String> component = new LinkedHashMap<>();
    component.put("name", name);
    component.put("type", type);
    component.put("binding", binding);
    component.put("doc", description == null || description.isBlank() ? "`" + wireName + "`" : description);
    return component;
  }

  private String parameterType(CodegenParameter parameter) {
    if (parameter.isArray) {
      return "List<" + itemType(parameter) + ">";
    }
    return parameter.required ? parameter.dataType : "java.util.Optional<" + parameter.dataType + ">";
  }

  private static String itemType(CodegenParameter parameter) {
    return parameter.items == null ? "String" : parameter.items.dataType;
  }

  private String parameterBinding(CodegenParameter parameter) {
    String name = "\"" + JavaText.stringContent(parameter.baseName) + "\"";
    String values = switch (parameter.isQueryParam ? "query" : parameter.isPathParam ? "path" : "header") {
      case "query" -> "request.queryParams(" + name + ")";
      case "path" -> "ServerParameters.values(request.pathParam(" + name + "))";
      default -> "ServerParameters.values(request.header(" + name + "))";
    };
    String in = parameter.isQueryParam ? "query" : parameter.isPathParam ? "path" : "header";
    String pointer = "\"" + JavaText.stringContent("#/" + in + "/"
        + parameter.baseName.replace("~", "~0").replace("/", "~1")) + "\"";
    if (parameter.isArray) {
      return "ServerParameters.many(" + values + ", " + pointer + ", " + parser(itemType(parameter), parameter) + ")";
    }
    String one = "ServerParameters.one(" + values + ", " + pointer + ", " + parser(parameter.dataType, parameter) + ")";
    return parameter.required ? one : "java.util.Optional.ofNullable(" + one + ")";
  }

  private String parser(String type, CodegenParameter parameter) {
    String parser = PARSERS.get(type);
    if (parser != null) {
      return parser;
    }
    if (enumModels.contains(type)) {
      return type + "::of";
    }
    throw new GenerationException("operation '" + operation.operationId + "': parameter '" + parameter.baseName
        + "' is of type " + type + ", which the server side cannot read from a string", null);
  }

  private String bodyBinding(CodegenParameter body) {
    String read;
    if ("byte[]".equals(body.dataType)) {
      read = "request.rawBody()";
    } else if ("String".equals(body.dataType) && consumesText()) {
      read = "new String(request.rawBody(), java.nio.charset.StandardCharsets.UTF_8)";
    } else if (body.dataType.contains("<")) {
      read = "request.body(new TypeRef<" + body.dataType + ">() {})";
    } else {
      read = "request.body(" + body.dataType + ".class)";
    }
    return body.required ? read : "request.hasBody() ? java.util.Optional.of(" + read + ") : java.util.Optional.empty()";
  }

  private boolean consumesText() {
    return operation.consumes != null && operation.consumes.stream()
        .anyMatch(c -> String.valueOf(c.get("mediaType")).startsWith("text/"));
  }

  private java.util.Optional<Map<String, String>> factory(CodegenResponse response) {
    Map<String, String> factory = new LinkedHashMap<>();
    factory.put("status", response.code);
    factory.put("name", FACTORIES.getOrDefault(response.code, "status" + response.code));
    factory.put("description", response.message == null ? "" : response.message);
    boolean job = BaseSchemas.isJob(response.dataType);
    if (job && "202".equals(response.code)) {
      String resultType = SuccessResponses.jobResultType(operation, mappedModelName);
      String work = nestedName(operation.operationIdCamelCase, "Work");
      operation.vendorExtensions.put("x-sogno-server-work", work);
      operation.vendorExtensions.put("x-sogno-server-work-result", resultType);
      factory.put("job", "true");
      factory.put("params", "String kind, " + work + " work");
      factory.put("expression", "OperationResponse.job(kind, java.util.Objects.requireNonNull(work, \"work\")::run)");
      return java.util.Optional.of(factory);
    }
    if (job && hasJobAnswer()) {
      return java.util.Optional.empty(); // the terminal job after Prefer: wait=N: the runtime writes it
    }
    String code = response.code;
    if (response.dataType == null) {
      factory.put("params", "");
      factory.put("expression", "OperationResponse.status(" + code + ")");
    } else if ("byte[]".equals(response.dataType)) {
      factory.put("params", "byte[] body");
      factory.put("expression", "OperationResponse.bytes(" + code + ", body, \"" + mediaType(response) + "\")");
    } else if ("String".equals(response.dataType) && mediaType(response).startsWith("text/")) {
      factory.put("params", "String body");
      factory.put("expression", "OperationResponse.bytes(" + code
          + ", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), \"" + mediaType(response) + "\")");
    } else {
      factory.put("params", response.dataType + " body");
      factory.put("expression", "OperationResponse.json(" + code + ", body)");
    }
    return java.util.Optional.of(factory);
  }

  private boolean hasJobAnswer() {
    return operation.responses.stream().anyMatch(r -> "202".equals(r.code) && BaseSchemas.isJob(r.dataType));
  }

  private static String mediaType(CodegenResponse response) {
    String type = response.getContent() == null || response.getContent().isEmpty()
        ? "application/octet-stream" : response.getContent().keySet().iterator().next();
    return JavaText.stringContent(type);
  }
}
