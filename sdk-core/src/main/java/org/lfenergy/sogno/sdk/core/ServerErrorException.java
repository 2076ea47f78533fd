package org.lfenergy.sogno.sdk.core;

/**
 * HTTP 5xx: the server failed. Thrown after the client's retries, if any, were used up.
 */
public class ServerErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(ResponseInfo, Problem, byte[])}. */
  public ServerErrorException(ResponseInfo response, Problem problem, byte[] rawBody) {
    super(response, problem, rawBody);
  }
}
