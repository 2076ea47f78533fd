package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one request to an operation: parameters by name and place, and the JSON body (null
 * for none). Values are JSON nodes as generated from their schemas; {@link #toProbe} writes them
 * the way OpenAPI's default styles do (arrays comma-separated).
 */
public record RequestValues(Map<String, JsonNode> path, Map<String, JsonNode> query, Map<String, JsonNode> headers,
    JsonNode body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RequestValues {
    path = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(path));
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A copy with parameter {@code name} in {@code in} set to {@code value}, or removed when it is null. */
  public RequestValues withParameter(String in, String name, JsonNode value) {
    Map<String, JsonNode> p = new LinkedHashMap<>(path);
    Map<String, JsonNode> q = new LinkedHashMap<>(query);
    Map<String, JsonNode> h = new LinkedHashMap<>(headers);
    Map<String, JsonNode> target = in.equals("path") ? p : in.equals("query") ? q : h;
    if (value == null) {
      target.remove(name);
    } else {
      target.put(name, value);
    }
    return new RequestValues(p, q, h, body);
  }

  /** A copy with another body. */
  public RequestValues withBody(JsonNode newBody) {
    return new RequestValues(path, query, headers, newBody);
  }

  /** The request to {@code operation} at {@code base} (whose path prefixes the operation's). */
  public Probe toProbe(URI base, Operation operation) {
    String template = operation.path();
    for (Map.Entry<String, JsonNode> p : path.entrySet()) {
      template = template.replace("{" + p.getKey() + "}", encode(text(p.getValue())).replace("+", "%20"));
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, JsonNode> q : this.query.entrySet()) {
      query.append(query.length() == 0 ? '?' : '&').append(encode(q.getKey())).append('=')
          .append(encode(text(q.getValue())));
    }
    String prefix = base.getRawPath() == null || base.getRawPath().equals("/") ? ""
        : base.getRawPath().replaceAll("/+$", "");
    URI uri = base.resolve(prefix + template + query);
    List<Map.Entry<String, String>> headerList = new ArrayList<>();
    headers.forEach((name, value) -> headerList.add(Map.entry(name, text(value))));
    Probe probe = new Probe(operation.method(), uri, headerList, null);
    if (body != null) {
      probe = probe.withBody(json(body), operation.body().map(Operation.Body::mediaType).orElse("application/json"));
    }
    return probe;
  }

  /** {@code node} as compact JSON bytes. */
  public static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree did not serialise: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      return String.join(",", items);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
