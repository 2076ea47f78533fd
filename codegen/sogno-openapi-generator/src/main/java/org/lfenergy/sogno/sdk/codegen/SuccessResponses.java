package org.lfenergy.sogno.sdk.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenResponse;

/**
 * The 2xx answers of one operation and the Java that reads them: the method's return type and the
 * {@code ResponseReader} that turns a status and body into it. Non-2xx answers need no code: {@code
 * SognoClient} raises the typed problem exception for them.
 *
 * <p>Three shapes: no body on any 2xx ({@code void}); one body type for every 2xx with a body (that type,
 * {@code null} for a 2xx without body); several body types, e.g. {@code 200} with a result and {@code 202}
 * with a {@code Job} (an {@code <Operation>Outcome} with one accessor per status, filled by the status
 * actually received).
 */
final class SuccessResponses {
  private static final Map<String, String> ACCESSORS =
      Map.of(
          "200", "ok",
          "201", "created",
          "202", "accepted",
          "203", "nonAuthoritative",
          "206", "partialContent",
          "207", "multiStatus");

  /** The operation extension naming the job dialect of a legacy long-running operation. */
  static final String JOB_DIALECT = "x-sogno-job-dialect";

  private final CodegenOperation operation;
  private final UnaryOperator<String> modelNames;
  private final List<CodegenResponse> withBody = new ArrayList<>();
  private boolean someWithoutBody;

  private SuccessResponses(CodegenOperation operation, UnaryOperator<String> modelNames) {
    this.operation = operation;
    this.modelNames = modelNames;
    for (CodegenResponse response : operation.responses) {
      if (!response.is2xx || !isNumeric(response.code)) {
        continue;
      }
      if (response.dataType == null) {
        someWithoutBody = true;
      } else {
        withBody.add(response);
      }
    }
  }

  /** @param modelNames turns a schema name into the Java type the generator uses for it */
  static SuccessResponses of(CodegenOperation operation, UnaryOperator<String> modelNames) {
    return new SuccessResponses(operation, modelNames);
  }

  /** Puts the {@code x-sogno-*} vendor extensions that {@code api.mustache} renders. */
  void describeInto(Map<String, Object> extensions) {
    String readerName = constantName(operation.nickname) + "_READER";
    extensions.put("x-sogno-reader-name", readerName);
    extensions.put("x-sogno-http-method", operation.httpMethod.toUpperCase(Locale.ROOT));
    List<String> types = distinctTypes();
    if (types.isEmpty()) {
      extensions.put("x-sogno-void", true);
      extensions.put("x-sogno-return-type", "Void");
      extensions.put("x-sogno-reader", "ResponseReader.discarding()");
    } else if (types.size() == 1) {
      String type = types.get(0);
      extensions.put("x-sogno-return-type", type);
      extensions.put("x-sogno-reader", singleTypeReader(type));
      if ("byte[]".equals(type)) {
        extensions.put("x-sogno-download", true); // …To(OutputStream) and …To(Path) stream the body
      }
    } else {
      String outcome = operation.operationIdCamelCase + "Outcome";
      extensions.put("x-sogno-return-type", outcome);
      extensions.put("x-sogno-has-outcome", true);
      extensions.put("x-sogno-outcome", outcomeEntries());
      extensions.put("x-sogno-reader", outcomeReader(outcome));
    }
    if (Boolean.FALSE.equals(operation.vendorExtensions.get("x-sogno-begin"))) {
      return;
    }
    Object dialect = operation.vendorExtensions.get(JOB_DIALECT);
    if (dialect instanceof String && !((String) dialect).isBlank()) {
      describeBegin(extensions, dialectResultType());
    } else if (jobResponse().isPresent() && !addressesAnExistingJob()) {
      describeBegin(extensions, resultType());
    }
  }

  /**
   * {@code begin<Operation>} (named by {@link OperationSignature#beginMethodName}), taking the plain
   * methods' parameters ({@code begin} always sends {@code Prefer: respond-async}), and the job
   * result's type: the operation's {@code x-sogno-job-result} (a schema name), else its non-job 2xx
   * body type, else {@code Object}.
   */
  private void describeBegin(Map<String, Object> extensions, String resultType) {
    extensions.put("x-sogno-begin", OperationSignature.beginMethodName(operation));
    extensions.put("x-sogno-begin-result-type", resultType);
    extensions.put("x-sogno-begin-reader", singleTypeReaderForResult(resultType));
  }

  /**
   * A legacy job's 2xx answer is the service's own job representation, not the result: the result is
   * the type {@code x-sogno-job-result} names, else {@code Object} (the JSON as maps and lists).
   */
  private String dialectResultType() {
    Object declared = operation.vendorExtensions.get("x-sogno-job-result");
    return declared instanceof String && !((String) declared).isBlank() ? modelNames.apply((String) declared) : "Object";
  }

  /** The result type of the job {@code operation} starts; see {@link #describeBegin}. */
  static String jobResultType(CodegenOperation operation, UnaryOperator<String> modelNames) {
    return of(operation, modelNames).resultType();
  }

  /** Cancelling or reading job {@code {jobId}} answers with that job; it starts none to follow. */
  private boolean addressesAnExistingJob() {
    return operation.pathParams.stream().anyMatch(p -> "jobId".equals(p.baseName));
  }

  private String resultType() {
    Object declared = operation.vendorExtensions.get("x-sogno-job-result");
    if (declared instanceof String && !((String) declared).isBlank()) {
      return modelNames.apply((String) declared);
    }
    return withBody.stream()
        .map(r -> r.dataType)
        .filter(type -> !BaseSchemas.isJob(type))
        .findFirst()
        .orElse("Object");
  }

  private String singleTypeReaderForResult(String type) {
    if (isBytesOrText(type)) {
      return "(info, body, json) -> " + read(type);
    }
    return type.contains("<")
        ? "ResponseReader.json(new TypeRef<" + type + ">() {})"
        : "ResponseReader.json(" + type + ".class)";
  }

  private List<String> distinctTypes() {
    List<String> types = new ArrayList<>();
    for (CodegenResponse response : withBody) {
      if (!types.contains(response.dataType)) {
        types.add(response.dataType);
      }
    }
    return types;
  }

  private Optional<CodegenResponse> jobResponse() {
    return withBody.stream()
        .filter(r -> "202".equals(r.code) && BaseSchemas.isJob(r.dataType))
        .findFirst();
  }

  private String singleTypeReader(String type) {
    if (!someWithoutBody && !isBytesOrText(type)) {
      return type.contains("<")
          ? "ResponseReader.json(new TypeRef<" + type + ">() {})"
          : "ResponseReader.json(" + type + ".class)";
    }
    return "(info, body, json) -> " + guarded(read(type));
  }

  private List<Map<String, Object>> outcomeEntries() {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (CodegenResponse response : withBody) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("status", response.code);
      entry.put("accessor", ACCESSORS.getOrDefault(response.code, "status" + response.code));
      entry.put("type", response.dataType);
      entry.put("description", Objects.toString(response.message, ""));
      entries.add(entry);
    }
    return entries;
  }

  private String outcomeReader(String outcome) {
    StringBuilder reader = new StringBuilder("(info, body, json) -> switch (info.status()) {\n");
    for (int i = 0; i < withBody.size(); i++) {
      CodegenResponse response = withBody.get(i);
      reader.append("        case ").append(response.code).append(" -> new ").append(outcome).append('(')
          .append(response.code).append(arguments(i, guarded(read(response.dataType)))).append(");\n");
    }
    reader.append("        default -> new ").append(outcome).append("(info.status()")
        .append(arguments(-1, null)).append(");\n      }");
    return reader.toString();
  }

  private String arguments(int filled, String expression) {
    StringBuilder arguments = new StringBuilder();
    for (int i = 0; i < withBody.size(); i++) {
      arguments.append(", ").append(i == filled ? expression : "null");
    }
    return arguments.toString();
  }

  private String read(String type) {
    if ("byte[]".equals(type)) {
      return "body";
    }
    if ("String".equals(type) && operation.producesTextPlain()) {
      return "new String(body, java.nio.charset.StandardCharsets.UTF_8)";
    }
    return type.contains("<")
        ? "json.read(body, new TypeRef<" + type + ">() {})"
        : "json.read(body, " + type + ".class)";
  }

  private boolean isBytesOrText(String type) {
    return "byte[]".equals(type) || ("String".equals(type) && operation.producesTextPlain());
  }

  private static String guarded(String expression) {
    return "body.length == 0 ? null : " + expression;
  }

  private static boolean isNumeric(String code) {
    return code != null && code.chars().allMatch(Character::isDigit) && !code.isEmpty();
  }

  static String constantName(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
