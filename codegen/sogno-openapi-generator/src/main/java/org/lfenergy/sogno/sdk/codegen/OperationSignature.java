package org.lfenergy.sogno.sdk.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;

/**
 * The Java signature of an operation's methods, as the {@code x-sogno-*} vendor extensions {@code
 * api.mustache} renders:
 *
 * <ul>
 *   <li>header parameters the SDK's pipeline owns ({@code X-Request-ID}, {@code traceparent}, {@code
 *       tracestate}) are dropped: {@code SognoClient} sets them on every call;
 *   <li>required parameters stay positional; optional ones move to a generated immutable {@code
 *       <Operation>Options} class, so no call passes {@code null}: each method has an overload without
 *       options and one with them;
 *   <li>a declared {@code Idempotency-Key} header becomes the option {@code idempotencyKey}; without
 *       one, each logical call sends a fresh random key, reused by every retry of that call.
 * </ul>
 */
final class OperationSignature {
  /** Headers {@code SognoClient} sets on every request; a spec may document them, methods never take them. */
  static final Set<String> PIPELINE_HEADERS = Set.of("x-request-id", "traceparent", "tracestate");

  private static final String IDEMPOTENCY_KEY = "idempotency-key";

  private OperationSignature() {}

  /** Rewrites the operation's parameter lists and puts the signature's vendor extensions. */
  static void describe(CodegenOperation operation) {
    boolean idempotent = operation.headerParams.stream().anyMatch(p -> IDEMPOTENCY_KEY.equals(lower(p.baseName)));
    for (List<CodegenParameter> parameters : List.of(operation.allParams, operation.headerParams,
        operation.optionalParams, operation.requiredParams)) {
      parameters.removeIf(OperationSignature::isOwnedHeader);
    }
    Map<String, Object> extensions = operation.vendorExtensions;
    boolean hasOptions = idempotent || !operation.optionalParams.isEmpty();
    String optionsClass = operation.operationIdCamelCase + "Options";
    StringBuilder required = new StringBuilder();
    StringBuilder requiredArgs = new StringBuilder();
    for (CodegenParameter parameter : operation.requiredParams) {
      required.append(required.length() == 0 ? "" : ", ").append(parameter.dataType).append(' ').append(parameter.paramName);
      requiredArgs.append(requiredArgs.length() == 0 ? "" : ", ").append(parameter.paramName);
    }
    extensions.put("x-sogno-params", hasOptions ? join(required, optionsClass + " options") : required.toString());
    extensions.put("x-sogno-args", hasOptions ? join(requiredArgs, "options") : requiredArgs.toString());
    String params = (String) extensions.get("x-sogno-params");
    extensions.put("x-sogno-params-lead", params.isEmpty() ? "" : params + ", "); // before a trailing parameter
    if (hasOptions) {
      extensions.put("x-sogno-has-options", true);
      extensions.put("x-sogno-options-class", optionsClass);
      extensions.put("x-sogno-required-params", required.toString());
      extensions.put("x-sogno-default-args", join(requiredArgs, optionsClass + ".defaults()"));
    }
    if (idempotent) {
      extensions.put("x-sogno-idempotency-key", true);
    }
    if (hasOptions) {
      describeOptionCopies(operation, idempotent);
    }
  }

  /**
   * The options class is immutable: each setter returns a copy through the all-fields constructor, so
   * each optional parameter gets that constructor's argument list with its own value replaced.
   */
  private static void describeOptionCopies(CodegenOperation operation, boolean idempotent) {
    List<String> fields = new ArrayList<>();
    StringBuilder declarations = new StringBuilder();
    boolean multipart = RequestParts.isMultipart(operation);
    for (CodegenParameter parameter : operation.optionalParams) {
      // an optional multipart file is kept as given (byte[], Path or InputStream) and streamed by FormBody
      boolean file = multipart && RequestParts.isFilePart(parameter);
      String type = file ? "Object" : parameter.dataType;
      parameter.vendorExtensions.put("x-sogno-option-type", type);
      if (file) {
        parameter.vendorExtensions.put("x-sogno-option-file", true);
      }
      fields.add(parameter.paramName);
      declarations.append(declarations.length() == 0 ? "" : ", ").append(type).append(' ').append(parameter.paramName);
    }
    if (idempotent) {
      fields.add("idempotencyKey");
      declarations.append(declarations.length() == 0 ? "" : ", ").append("String idempotencyKey");
    }
    for (CodegenParameter parameter : operation.optionalParams) {
      parameter.vendorExtensions.put("x-sogno-options-copy", copyArguments(fields, parameter.paramName));
      // the template reads the class name inside the parameter's own context
      parameter.vendorExtensions.put("x-sogno-options-class", operation.vendorExtensions.get("x-sogno-options-class"));
    }
    operation.vendorExtensions.put("x-sogno-options-fields", declarations.toString());
    operation.vendorExtensions.put("x-sogno-options-none", String.join(", ", java.util.Collections.nCopies(fields.size(), "null")));
    operation.vendorExtensions.put("x-sogno-options-key-copy", copyArguments(fields, "idempotencyKey"));
  }

  /** The constructor arguments for a copy of the options with {@code changed} replaced. */
  static String copyArguments(List<String> fields, String changed) {
    StringBuilder arguments = new StringBuilder();
    for (String field : fields) {
      arguments.append(arguments.length() == 0 ? "" : ", ").append(field.equals(changed) ? field : "this." + field);
    }
    return arguments.toString();
  }

  /**
   * The name of the method that starts an operation as a job: {@code begin} and the operation's name,
   * with a leading {@code start} or {@code begin} word replaced ({@code startEstimation} → {@code
   * beginEstimation}, {@code runPowerflow} → {@code beginRunPowerflow}). An operation that is itself
   * named {@code beginX} keeps {@code beginX} for its plain call, so its job method is {@code beginXJob}.
   */
  static String beginMethodName(CodegenOperation operation) {
    String name = operation.operationIdCamelCase;
    for (String verb : List.of("Start", "Begin")) {
      if (name.length() > verb.length() && name.startsWith(verb) && Character.isUpperCase(name.charAt(verb.length()))) {
        name = name.substring(verb.length());
        break;
      }
    }
    String begin = "begin" + name;
    return begin.equals(operation.nickname) ? begin + "Job" : begin;
  }

  private static boolean isOwnedHeader(CodegenParameter parameter) {
    String name = lower(parameter.baseName);
    return parameter.isHeaderParam && (PIPELINE_HEADERS.contains(name) || IDEMPOTENCY_KEY.equals(name));
  }

  private static String join(CharSequence first, String last) {
    return first.length() == 0 ? last : first + ", " + last;
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
