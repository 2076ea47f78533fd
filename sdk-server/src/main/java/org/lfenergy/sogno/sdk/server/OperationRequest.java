package org.lfenergy.sogno.sdk.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.core.TypeRef;
import org.lfenergy.sogno.sdk.server.auth.Principal;

/**
 * A request as a {@link OperationHandler} sees it: already validated against the operation's
 * parameters and request body in the spec, so a required parameter is present and a body has the
 * declared shape. Values are strings as they came (percent-decoded); the body is read with the
 * server's {@link org.lfenergy.sogno.sdk.core.SognoJson}.
 *
 * <p>Immutable and thread-safe.
 */
public interface OperationRequest {
  /** The {@code operationId} the request was routed to. */
  String operationId();

  /** The HTTP method, upper case. */
  String method();

  /** The request path, percent-decoded, without the query. */
  String path();

  /** A path parameter, e.g. {@code jobId} of {@code /v1/jobs/{jobId}}. */
  Optional<String> pathParam(String name);

  /** The first value of a query parameter. */
  Optional<String> queryParam(String name);

  /** Every value of a query parameter, in order; empty if absent. */
  List<String> queryParams(String name);

  /** The first value of a header (names compare case-insensitively). */
  Optional<String> header(String name);

  /** Every header, names case-insensitive. */
  Map<String, List<String>> headers();

  /** Tells whether the request had a body. */
  boolean hasBody();

  /**
   * The JSON body as {@code type}.
   *
   * @throws org.lfenergy.sogno.sdk.core.JsonException if it cannot be bound to {@code type}
   * @throws IllegalStateException if the request has no JSON body
   */
  <T> T body(Class<T> type);

  /** The JSON body as the generic type {@code type} captures; see {@link #body(Class)}. */
  <T> T body(TypeRef<T> type);

  /** The raw body bytes (a copy); empty when there was none. */
  byte[] rawBody();

  /**
   * The authenticated principal's name: the verified token's subject where the operation's spec
   * {@code security} requires a token, else the adapter's authenticated user, if any.
   */
  Optional<String> principal();

  /**
   * The principal a verified bearer token (or development mode) authenticated: subject, scopes,
   * claims; empty where the operation requires no token and the caller sent none. (Default: empty,
   * for implementations other than the runtime's, such as test doubles.)
   */
  default Optional<Principal> authenticated() {
    return Optional.empty();
  }

  /** The request id: the caller's {@code X-Request-ID} if it was valid, else a generated one. */
  String requestId();

  /**
   * The base URL a trusted proxy reported ({@code https://host/prefix}, no trailing slash); empty
   * when the peer is not a trusted proxy or said nothing usable.
   */
  Optional<String> externalBase();
}
