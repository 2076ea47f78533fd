package org.lfenergy.sogno.sdk.core;

/**
 * Credentials could not be obtained, e.g. the OAuth2 token endpoint rejected the client or answered
 * with something that is not a token. The call that needed them was not sent. The message names the
 * token endpoint and its error code; never the client secret or a token.
 */
public final class AuthenticationException extends SognoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, free of secrets
   * @param cause the underlying failure, may be {@code null}
   */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
