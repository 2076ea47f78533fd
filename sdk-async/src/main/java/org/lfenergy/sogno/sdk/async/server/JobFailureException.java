package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Thrown by a {@link JobWork} to fail its job with a specific problem, which clients then see in the
 * job's {@code problem} member (so choose a {@code detail} fit for them).
 */
public class JobFailureException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** @param problem what the client is told */
  public JobFailureException(Problem problem) {
    super(Objects.requireNonNull(problem, "problem").title());
    this.problem = problem;
  }

  /** The problem recorded on the failed job. */
  public Problem problem() {
    return problem;
  }
}
