package org.lfenergy.sogno.sdk.core;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful (2xx) response: status, headers and the body as read by the call's {@link
 * ResponseReader}. Immutable as far as {@code T} is.
 *
 * @param <T> the body type
 */
public final class ApiResponse<T> {
  private final ResponseInfo info;
  private final T body;

  /**
   * @param info status, headers and request
   * @param body the read body, may be {@code null} (e.g. 204)
   */
  public ApiResponse(ResponseInfo info, T body) {
    this.info = info;
    this.body = body;
  }

  /** The HTTP status code. */
  public int status() {
    return info.status();
  }

  /** The response headers; lookups ignore case. */
  public Map<String, List<String>> headers() {
    return info.headers();
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return info.header(name);
  }

  /** The body, may be {@code null}. */
  public T body() {
    return body;
  }

  /** The {@code X-Request-ID} the request carried. */
  public String requestId() {
    return info.requestId();
  }

  /** The URI the request was finally sent to; resolve relative {@code Location} headers against it. */
  public URI uri() {
    return info.uri();
  }

  /** Status, headers and request together. */
  public ResponseInfo info() {
    return info;
  }

  @Override
  public String toString() {
    return "ApiResponse{" + info + "}";
  }
}
