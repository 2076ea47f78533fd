package org.lfenergy.sogno.sdk.core.internal;

import java.util.Set;

/**
 * Which HTTP methods carry a request body. Our own copy of the rule, so the SDK does not call OkHttp's
 * {@code okhttp3.internal.http.HttpMethod}, which OkHttp changes without notice.
 *
 * <ul>
 *   <li>POST, PUT, PATCH, PROPPATCH and REPORT <em>require</em> one: OkHttp's {@code Request.Builder}
 *       rejects them without a body, so a body-less call sends an empty one;
 *   <li>GET, HEAD, OPTIONS and TRACE <em>permit</em> none: OkHttp rejects a GET or HEAD body, and the
 *       SDK refuses OPTIONS and TRACE bodies too (RFC 9110 gives them no meaning);
 *   <li>every other method (DELETE, custom ones) may have one.
 * </ul>
 * Methods are compared as given; {@code ApiRequest} upper-cases them first. Thread-safe (stateless).
 */
public final class HttpMethods {
  private static final Set<String> REQUIRE_BODY = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
  private static final Set<String> FORBID_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private HttpMethods() {}

  /** Whether a request with {@code method} must have a body (an empty one if the caller set none). */
  public static boolean requiresBody(String method) {
    return REQUIRE_BODY.contains(method);
  }

  /** Whether a request with {@code method} may have a body. */
  public static boolean permitsBody(String method) {
    return !FORBID_BODY.contains(method);
  }
}
