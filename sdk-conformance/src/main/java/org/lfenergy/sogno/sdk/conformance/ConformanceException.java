package org.lfenergy.sogno.sdk.conformance;

import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * The check could not run at all: the spec file cannot be read, or nothing answers at the base URL.
 * A spec that is read but is not a usable OpenAPI document is not an exception: the report carries
 * the loader's located findings ({@link ConformanceCheck#SPEC_LOADS}).
 */
public final class ConformanceException extends SognoException {
  private static final long serialVersionUID = 1L;

  /** @param message what could not be done, naming the file or URL */
  public ConformanceException(String message, Throwable cause) {
    super(message, cause, null);
  }
}
