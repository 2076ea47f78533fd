package org.lfenergy.sogno.sdk.codegen;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;

/**
 * How an operation's parameters go on the wire, as the Java statements {@code api.mustache} renders:
 * the separator of non-exploded array query parameters, the body statement by media type, the kind of
 * form body, and the overloads that stream a binary body or multipart file parts from a {@code Path} or
 * an {@code InputStream}.
 */
final class RequestParts {
  private static final Map<String, String> SEPARATORS =
      Map.of("csv", ",", "ssv", " ", "tsv", "\\t", "pipes", "|", "pipeDelimited", "|", "spaceDelimited", " ");

  private RequestParts() {}

  static void describe(CodegenOperation operation) {
    for (CodegenParameter query : operation.queryParams) {
      query.vendorExtensions.put("x-sogno-separator", query.collectionFormat == null ? "," : SEPARATORS.getOrDefault(query.collectionFormat, ","));
    }
    String mediaType = firstConsumed(operation);
    operation.vendorExtensions.put("x-sogno-request-params", operation.vendorExtensions.get("x-sogno-params"));
    if (operation.bodyParam != null) {
      operation.bodyParam.vendorExtensions.put("x-sogno-body", bodyStatement(operation.bodyParam, mediaType));
      if (operation.bodyParam.required && "byte[]".equals(operation.bodyParam.dataType)) {
        String type = JavaText.stringContent(mediaType == null ? "application/octet-stream" : mediaType);
        describeStreamedUpload(operation, parameter -> parameter.isBodyParam, "source", "new byte[0]", arguments -> operation.nickname
            + "Request(" + arguments + ").newBuilder().bodyFrom(Objects.requireNonNull(source, \"source\"), \"" + type + "\").build()");
      }
    }
    if (!operation.formParams.isEmpty()) {
      boolean multipart = isMultipart(operation);
      operation.vendorExtensions.put("x-sogno-form", multipart ? "multipart" : "urlEncoded");
      Predicate<CodegenParameter> file = RequestParts::isFilePart;
      if (multipart && operation.requiredParams.stream().anyMatch(file)) {
        // the request method takes a file part as byte[], Path or InputStream; FormBody tells them apart
        operation.vendorExtensions.put("x-sogno-request-params", parameterList(operation, file, "Object %s"));
        describeStreamedUpload(operation, file, null, null, arguments -> operation.nickname + "Request(" + arguments + ")");
      }
    }
  }

  /**
   * Overloads streaming the {@code streamed} required parameters from a {@code Path} or an {@code
   * InputStream}: a required binary body (named {@code name}, passed to the request method as {@code
   * placeholder} and replaced in {@code request} by {@code ApiRequest.Builder.bodyFrom}) or multipart
   * file parts (each keeping its name, passed as it is). {@code request} makes the expression building
   * the request from the request method's arguments.
   */
  private static void describeStreamedUpload(CodegenOperation operation, Predicate<CodegenParameter> streamed, String name,
      String placeholder, UnaryOperator<String> request) {
    String parameters = parameterList(operation, streamed, "%%s " + (name == null ? "%s" : name));
    StringBuilder arguments = new StringBuilder();
    for (CodegenParameter parameter : operation.requiredParams) {
      String argument = placeholder != null && streamed.test(parameter) ? placeholder : parameter.paramName;
      arguments.append(arguments.length() == 0 ? "" : ", ").append(argument);
    }
    if (operation.vendorExtensions.containsKey("x-sogno-has-options")) {
      arguments.append(", options");
    }
    operation.vendorExtensions.put("x-sogno-upload", true);
    operation.vendorExtensions.put("x-sogno-upload-file-params", parameters.replace("%s", "java.nio.file.Path"));
    operation.vendorExtensions.put("x-sogno-upload-stream-params", parameters.replace("%s", "java.io.InputStream"));
    operation.vendorExtensions.put("x-sogno-upload-request", request.apply(arguments.toString()));
  }

  /**
   * The request method's parameter list with each {@code replaced} required parameter written by
   * {@code format} ({@code %s}: its name), the others as they are, then the options, if any.
   */
  private static String parameterList(CodegenOperation operation, Predicate<CodegenParameter> replaced, String format) {
    StringBuilder parameters = new StringBuilder();
    for (CodegenParameter parameter : operation.requiredParams) {
      parameters.append(parameters.length() == 0 ? "" : ", ")
          .append(replaced.test(parameter) ? String.format(format, parameter.paramName) : parameter.dataType + " " + parameter.paramName);
    }
    if (operation.vendorExtensions.containsKey("x-sogno-has-options")) {
      parameters.append(", ").append(operation.vendorExtensions.get("x-sogno-options-class")).append(" options");
    }
    return parameters.toString();
  }

  private static String bodyStatement(CodegenParameter body, String mediaType) {
    String name = body.paramName;
    if ("byte[]".equals(body.dataType)) {
      return "request.body(" + name + ", \"" + JavaText.stringContent(mediaType == null ? "application/octet-stream" : mediaType)
          + "\")";
    }
    if ("String".equals(body.dataType) && mediaType != null && mediaType.startsWith("text/")) {
      return "request.body(" + name + ".getBytes(java.nio.charset.StandardCharsets.UTF_8), \""
          + JavaText.stringContent(mediaType) + "\")";
    }
    return "request.jsonBody(" + name + ")";
  }

  /** Whether {@code operation} sends a form as {@code multipart/form-data} (the default for forms). */
  static boolean isMultipart(CodegenOperation operation) {
    String mediaType = firstConsumed(operation);
    return !operation.formParams.isEmpty() && (mediaType == null || mediaType.startsWith("multipart/"));
  }

  /** Whether {@code parameter} is a form's file ({@code format: binary}), sent as a multipart file part. */
  static boolean isFilePart(CodegenParameter parameter) {
    return parameter.isFormParam && "byte[]".equals(parameter.dataType);
  }

  private static String firstConsumed(CodegenOperation operation) {
    List<Map<String, String>> consumes = operation.consumes;
    if (consumes == null || consumes.isEmpty()) {
      return null;
    }
    return consumes.get(0).get("mediaType");
  }
}
