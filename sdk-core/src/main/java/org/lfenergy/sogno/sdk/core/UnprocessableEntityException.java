package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 422: the request was well-formed but semantically invalid (e.g. {@code validation-failed}, {@code idempotency-key-reused}); see {@link Problem#errors()}.
 */
public final class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public UnprocessableEntityException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
