package org.lfenergy.sogno.sdk.codegen;

/** Generating a client failed; the message names the spec and OpenAPI Generator's reason. */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its cause. */
  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
