package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 409: the request conflicts with the resource's state, e.g. {@code job-not-finished}.
 */
public final class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public ConflictException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
