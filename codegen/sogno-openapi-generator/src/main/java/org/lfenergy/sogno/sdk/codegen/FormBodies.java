package org.lfenergy.sogno.sdk.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.Objects;

/**
 * Whether a spec sends form bodies ({@code multipart/form-data} or {@code
 * application/x-www-form-urlencoded}); only then does a client get the {@code FormBody} helper that
 * encodes them into the byte arrays {@code ApiRequest} carries.
 */
final class FormBodies {
  private FormBodies() {}

  static boolean usedBy(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return false;
    }
    return openAPI.getPaths().values().stream()
        .map(PathItem::readOperations)
        .flatMap(java.util.List::stream)
        .map(Operation::getRequestBody)
        .filter(Objects::nonNull)
        .anyMatch(FormBodies::isForm);
  }

  private static boolean isForm(RequestBody body) {
    if (body.getContent() == null) {
      return false;
    }
    return body.getContent().keySet().stream()
        .anyMatch(type -> type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded"));
  }
}
