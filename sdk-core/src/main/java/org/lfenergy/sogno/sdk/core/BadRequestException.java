package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 400: the request was malformed; {@link Problem#errors()} usually points at the offending fields.
 */
public final class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public BadRequestException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
