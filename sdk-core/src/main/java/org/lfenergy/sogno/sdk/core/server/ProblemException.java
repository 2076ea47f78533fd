package org.lfenergy.sogno.sdk.core.server;

import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Thrown by service code to answer with a specific problem; {@link ExceptionProblemMapper} sends its
 * {@link ProblemResponse} as is. Its message is the problem's detail, meant for the client; its
 * {@link #requestId()} the problem's. Like every SDK exception it is a {@link SognoException}; it has
 * no stack trace (it is an answer, not a fault).
 */
public class ProblemException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final transient ProblemResponse response;

  /** @param response what to answer */
  public ProblemException(ProblemResponse response) {
    super(response.problem().detail() != null ? response.problem().detail() : response.problem().title(), null,
        response.problem().requestId(), false);
    this.response = response;
  }

  /** @param problem what to answer; it must have a status */
  public ProblemException(Problem problem) {
    this(ProblemResponse.of(problem));
  }

  /** What to answer. */
  public ProblemResponse response() {
    return response;
  }
}
