package org.lfenergy.sogno.sdk.codegen;

import java.util.Map;
import java.util.Optional;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * List operations answering with the guidelines' page shape get a {@code <operation>Paged} method
 * returning sdk-core's {@code PagedIterable} over the typed items. An operation qualifies when it is a
 * {@code GET} whose only success body is a model with an array {@code items} and a string {@code next}
 * (declared directly, or through {@code allOf} with the base spec's {@code Page}, whose items it types).
 * A {@code cursor} query parameter among the options is where the iteration starts.
 */
final class PagedOperations {
  private PagedOperations() {}

  /** Puts the {@code x-sogno-paged*} extensions when the operation answers with pages. */
  static void describe(CodegenOperation operation, Map<String, CodegenModel> models) {
    Map<String, Object> extensions = operation.vendorExtensions;
    Object returnType = extensions.get("x-sogno-return-type");
    if (!"GET".equals(extensions.get("x-sogno-http-method")) || extensions.containsKey("x-sogno-void")
        || extensions.containsKey("x-sogno-has-outcome") || !(returnType instanceof String)) {
      return;
    }
    CodegenModel page = models.get(returnType);
    if (page == null) {
      return;
    }
    Optional<CodegenProperty> items = property(page, "items").filter(p -> p.isArray && p.items != null);
    Optional<CodegenProperty> next = property(page, "next").filter(p -> "String".equals(p.dataType));
    if (items.isEmpty() || next.isEmpty()) {
      return;
    }
    extensions.put("x-sogno-paged", operation.nickname + "Paged");
    extensions.put("x-sogno-page-item-type", items.get().items.dataType);
    extensions.put("x-sogno-page-items", returnType + "::" + items.get().getter);
    extensions.put("x-sogno-page-next", returnType + "::" + next.get().getter);
    operation.optionalParams.stream()
        .filter(p -> p.isQueryParam && "cursor".equals(p.baseName) && "String".equals(p.dataType))
        .findFirst()
        .ifPresent(cursor -> describeCursor(operation, cursor));
  }

  /** The first page is requested without the cursor option, which becomes the iteration's start. */
  private static void describeCursor(CodegenOperation operation, CodegenParameter cursor) {
    StringBuilder arguments = new StringBuilder();
    for (CodegenParameter parameter : operation.requiredParams) {
      arguments.append(parameter.paramName).append(", ");
    }
    arguments.append("options.").append(cursor.paramName).append("(null)");
    operation.vendorExtensions.put("x-sogno-page-first-args", arguments.toString());
    operation.vendorExtensions.put("x-sogno-page-cursor", "options." + cursor.paramName);
  }

  private static Optional<CodegenProperty> property(CodegenModel model, String name) {
    return model.vars.stream().filter(p -> name.equals(p.baseName)).findFirst();
  }
}
