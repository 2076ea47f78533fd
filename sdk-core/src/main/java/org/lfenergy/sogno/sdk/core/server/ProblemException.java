package org.lfenergy.sogno.sdk.core.server;

import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Thrown by service code to answer with a specific problem; {@link ExceptionProblemMapper} sends its
 * {@link ProblemResponse} as is. Its message is the problem's detail, meant for the client.
 */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ProblemResponse response;

  /** @param response what to answer */
  public ProblemException(ProblemResponse response) {
    super(response.problem().detail() != null ? response.problem().detail() : response.problem().title(), null,
        false, false);
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
