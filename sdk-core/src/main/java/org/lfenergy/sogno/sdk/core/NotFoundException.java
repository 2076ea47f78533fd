package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 404: the resource does not exist (or is not visible to the caller, e.g. an expired or foreign job).
 */
public final class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public NotFoundException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
