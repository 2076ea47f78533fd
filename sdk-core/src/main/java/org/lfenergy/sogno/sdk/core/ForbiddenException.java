package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 403: the credentials are valid but not allowed to do this.
 */
public final class ForbiddenException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public ForbiddenException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
