package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Carries a {@link SognoException} through OkHttp's interceptor chain, which only lets {@link
 * IOException}s pass on asynchronous calls; the client unwraps it. Never retried.
 */
public final class SognoIOException extends IOException {
  private static final long serialVersionUID = 1L;

  private final SognoException exception;

  public SognoIOException(SognoException exception) {
    super(exception.getMessage(), exception);
    this.exception = exception;
  }

  public SognoException exception() {
    return exception;
  }
}
