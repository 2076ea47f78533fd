package org.lfenergy.sogno.sdk.server;

import java.util.List;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * The service's spec could not be used at start-up: it did not load (the messages carry the
 * loader's findings with line and column), or it and the registered handlers disagree (an operation
 * without a handler, a handler for no operation, an operation without {@code operationId}).
 */
public final class SpecLoadException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** @param problems what is wrong, one entry each */
  public SpecLoadException(String spec, List<String> problems) {
    super("The spec " + spec + " cannot be served: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each thing that is wrong. */
  public List<String> problems() {
    return problems;
  }
}
