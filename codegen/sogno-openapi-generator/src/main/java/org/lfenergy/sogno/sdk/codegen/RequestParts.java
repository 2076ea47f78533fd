package org.lfenergy.sogno.sdk.codegen;

import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;

/**
 * How an operation's parameters go on the wire, as the Java statements {@code api.mustache} renders:
 * the separator of non-exploded array query parameters, the body statement by media type, and the
 * kind of form body.
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
    if (operation.bodyParam != null) {
      operation.bodyParam.vendorExtensions.put("x-sogno-body", bodyStatement(operation.bodyParam, mediaType));
      if (operation.bodyParam.required && "byte[]".equals(operation.bodyParam.dataType)) {
        describeStreamedUpload(operation, mediaType == null ? "application/octet-stream" : mediaType);
      }
    }
    if (!operation.formParams.isEmpty()) {
      boolean multipart = mediaType == null || mediaType.startsWith("multipart/");
      operation.vendorExtensions.put("x-sogno-form", multipart ? "multipart" : "urlEncoded");
    }
  }

  /**
   * A required binary body also gets overloads streaming it from a {@code Path} or an {@code
   * InputStream}: the same request, its body replaced by {@code ApiRequest.Builder.bodyFrom}.
   */
  private static void describeStreamedUpload(CodegenOperation operation, String mediaType) {
    StringBuilder parameters = new StringBuilder();
    StringBuilder arguments = new StringBuilder();
    for (CodegenParameter parameter : operation.requiredParams) {
      boolean body = parameter.isBodyParam;
      parameters.append(parameters.length() == 0 ? "" : ", ").append(body ? "%s source" : parameter.dataType + " " + parameter.paramName);
      arguments.append(arguments.length() == 0 ? "" : ", ").append(body ? "new byte[0]" : parameter.paramName);
    }
    if (operation.vendorExtensions.containsKey("x-sogno-has-options")) {
      parameters.append(", ").append(operation.vendorExtensions.get("x-sogno-options-class")).append(" options");
      arguments.append(", options");
    }
    operation.vendorExtensions.put("x-sogno-upload", true);
    operation.vendorExtensions.put("x-sogno-upload-file-params", String.format(parameters.toString(), "java.nio.file.Path"));
    operation.vendorExtensions.put("x-sogno-upload-stream-params", String.format(parameters.toString(), "java.io.InputStream"));
    operation.vendorExtensions.put("x-sogno-upload-args", arguments.toString());
    operation.vendorExtensions.put("x-sogno-upload-media-type", JavaText.stringContent(mediaType));
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

  private static String firstConsumed(CodegenOperation operation) {
    List<Map<String, String>> consumes = operation.consumes;
    if (consumes == null || consumes.isEmpty()) {
      return null;
    }
    return consumes.get(0).get("mediaType");
  }
}
