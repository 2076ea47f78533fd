package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Checks a handler's answer against the operation's declared responses: the status (exact, range or
 * {@code default}), the media type, and a JSON body against its schema. Codes: {@code
 * undeclared-status}, {@code undeclared-media-type}, {@code unexpected-body}, {@code missing-body},
 * and the schema keywords ({@code type}, {@code required}, …) with pointers into the body.
 */
final class ResponseChecker {
  private final SchemaRegistry schemas;
  private final SognoJson json;

  ResponseChecker(SchemaRegistry schemas, SognoJson json) {
    this.schemas = schemas;
    this.json = json;
  }

  List<Problem.FieldError> check(Operation operation, int status, String contentType, byte[] body) {
    Optional<Map<String, Integer>> declared = operation.response(status);
    if (declared.isEmpty()) {
      return List.of(new Problem.FieldError("#", "Status " + status + " is not declared", "undeclared-status"));
    }
    Map<String, Integer> media = declared.get();
    if (body.length == 0) {
      return media.isEmpty() || status == 204 ? List.of()
          : List.of(new Problem.FieldError("#", "The response declares a body but has none", "missing-body"));
    }
    if (media.isEmpty()) {
      return List.of(new Problem.FieldError("#", "The response declares no body but has one", "unexpected-body"));
    }
    Optional<String> match = contentType == null ? Optional.empty() : MediaTypes.matchDeclared(contentType, media.keySet());
    if (match.isEmpty()) {
      return List.of(new Problem.FieldError("#", "Media type " + contentType + " is not declared", "undeclared-media-type"));
    }
    int schema = media.get(match.get());
    if (schema == Operation.NO_SCHEMA) {
      return List.of();
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    try {
      errors.addAll(schemas.validate(schema, json.read(body, JsonNode.class), "#"));
    } catch (JsonException e) {
      errors.add(new Problem.FieldError("#", "The body is not valid JSON", "malformed-body"));
    }
    return errors;
  }
}
