package org.lfenergy.sogno.sdk.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.TypeRef;
import org.lfenergy.sogno.sdk.server.OperationRequest;
import org.lfenergy.sogno.sdk.server.auth.Principal;

/**
 * The {@link OperationRequest} a handler gets, after routing, negotiation and validation. The decoded
 * path and the external base URL are worked out when first asked for (most handlers ask for neither);
 * both are pure functions of the request, so a race computes the same value twice at worst.
 */
final class ValidatedRequest implements OperationRequest {
  private final String operationId;
  private final String method;
  private final String rawPath;
  private String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  /** The parsed JSON body as a tree (bound to handler types on demand), or null. */
  private final Object parsedBody;
  private final SognoJson json;
  private final String principal;
  private final Principal authenticated;
  private final String requestId;
  private final Exchange exchange;
  /** The external base URL; null until asked for. */
  private volatile Optional<String> externalBase;

  ValidatedRequest(Exchange exchange, Operation operation, Map<String, String> pathParams, byte[] body,
      Object parsedBody, SognoJson json) {
    this.operationId = operation.id();
    this.method = exchange.request().method();
    this.rawPath = exchange.request().rawPath();
    this.pathParams = Map.copyOf(pathParams);
    this.query = exchange.query();
    this.headers = exchange.request().headers();
    this.body = body;
    this.parsedBody = parsedBody;
    this.json = json;
    this.principal = exchange.principalName();
    this.authenticated = exchange.principal().orElse(null);
    this.requestId = exchange.requestId();
    this.exchange = exchange;
  }

  @Override
  public String operationId() {
    return operationId;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    String decoded = path;
    if (decoded == null) {
      decoded = PathTemplate.decode(rawPath);
      path = decoded;
    }
    return decoded;
  }

  @Override
  public Optional<String> pathParam(String name) {
    return Optional.ofNullable(pathParams.get(name));
  }

  @Override
  public Optional<String> queryParam(String name) {
    return queryParams(name).stream().findFirst();
  }

  @Override
  public List<String> queryParams(String name) {
    return List.copyOf(query.getOrDefault(name, List.of()));
  }

  @Override
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public Map<String, List<String>> headers() {
    return headers;
  }

  @Override
  public boolean hasBody() {
    return body.length > 0;
  }

  @Override
  public <T> T body(Class<T> type) {
    return json.convert(jsonBody(), type);
  }

  @Override
  public <T> T body(TypeRef<T> type) {
    return json.convert(jsonBody(), type);
  }

  private Object jsonBody() {
    if (parsedBody == null) {
      throw new IllegalStateException("Operation " + operationId + " got no JSON body");
    }
    return parsedBody;
  }

  @Override
  public byte[] rawBody() {
    return body.clone();
  }

  @Override
  public Optional<String> principal() {
    return Optional.ofNullable(principal);
  }

  @Override
  public Optional<Principal> authenticated() {
    return Optional.ofNullable(authenticated);
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public Optional<String> externalBase() {
    Optional<String> base = externalBase;
    if (base == null) {
      base = exchange.externalBase();
      externalBase = base;
    }
    return base;
  }

  @Override
  public String toString() {
    return method + " " + path() + " (" + operationId + ")";
  }
}
