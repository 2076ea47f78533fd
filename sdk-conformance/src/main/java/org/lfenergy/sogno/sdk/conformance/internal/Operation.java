package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the spec as the checker uses it: parameters, body and responses with their
 * schemas located in the document.
 *
 * @param id the {@code operationId}, or {@code METHOD /path} when it has none
 * @param location {@code file:line} of the operation in the spec
 * @param responses documented statuses ({@code "200"}, {@code "4XX"}, {@code "default"}) to the response
 */
public record Operation(String id, String method, String path, String location, List<Parameter> parameters,
    Optional<Body> body, Map<String, Located> responses, boolean secured) {

  /** A parameter; {@code in} is {@code path}, {@code query} or {@code header}. */
  public record Parameter(String name, String in, boolean required, Located schema) {
  }

  /** The request body in its first JSON media type; {@code example} is the spec's, or missing. */
  public record Body(boolean required, String mediaType, Located schema, JsonNode example) {
  }

  /** Tells whether the operation documents {@code 202}: it starts long-running work. */
  public boolean startsJob() {
    return responses.containsKey("202");
  }

  /** The documented response for {@code status}: the exact code, then {@code 4XX}, then {@code default}. */
  public Optional<Located> response(int status) {
    Located exact = responses.get(String.valueOf(status));
    if (exact != null) {
      return Optional.of(exact);
    }
    Located range = responses.get(status / 100 + "XX");
    return Optional.ofNullable(range != null ? range : responses.get("default"));
  }
}
