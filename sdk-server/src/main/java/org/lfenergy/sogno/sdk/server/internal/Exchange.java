package org.lfenergy.sogno.sdk.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.RequestIds;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.auth.Principal;

/**
 * One request in the pipeline: the adapter's request, its request id (the caller's if valid, else
 * generated), its decoded query, what a trusted proxy said the external base URL is, and its
 * {@link RequestObserver}.
 */
final class Exchange {
  private final IncomingRequest request;
  private final String requestId;
  private final Map<String, List<String>> query;
  private final TrustedProxies proxies;
  private Principal principal;
  private final RequestObserver observer;

  Exchange(IncomingRequest request, TrustedProxies proxies, RequestObserver observer) {
    this.request = request;
    this.observer = observer;
    this.requestId = RequestIds.acceptOrGenerate(request.header(RequestIds.HEADER));
    this.query = QueryString.parse(request.rawQuery().orElse(null));
    this.proxies = proxies;
  }

  IncomingRequest request() {
    return request;
  }

  RequestObserver observer() {
    return observer;
  }

  String requestId() {
    return requestId;
  }

  /** Sets the principal the request's token authenticated (the pipeline's auth step, before anything reads it). */
  void authenticated(Principal principal) {
    this.principal = principal;
  }

  Optional<Principal> principal() {
    return Optional.ofNullable(principal);
  }

  /** The job owner: the token's subject, else the adapter's authenticated user, else null. */
  String principalName() {
    return principal != null ? principal.subject() : request.principal().orElse(null);
  }

  Map<String, List<String>> query() {
    return query;
  }

  /** Empty unless the peer is a trusted proxy that reported a usable base (checked first, cheaply). */
  Optional<String> externalBase() {
    if (!proxies.isTrusted(request.remoteAddress().orElse(null))) {
      return Optional.empty();
    }
    return proxies.externalBase(toAsync(new byte[0]));
  }

  /**
   * The request as sdk-async's job endpoints take it, with {@code body} and the runtime's request id
   * as its only {@code X-Request-ID}.
   */
  ServerRequest toAsync(byte[] body) {
    ServerRequest.Builder builder = ServerRequest.builder(request.method(), request.rawPath())
        .query(request.rawQuery().orElse(null))
        .principal(principalName())
        .remoteAddress(request.remoteAddress().orElse(null))
        .body(body);
    request.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(RequestIds.HEADER)) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    return builder.header(RequestIds.HEADER, requestId).build();
  }
}
