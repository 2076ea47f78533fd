package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 401: credentials were missing or rejected (after the one refresh-and-retry the client does for refreshable credentials).
 */
public final class UnauthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public UnauthorizedException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
