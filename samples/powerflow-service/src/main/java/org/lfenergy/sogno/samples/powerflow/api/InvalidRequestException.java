package org.lfenergy.sogno.samples.powerflow.api;

import java.util.List;

/**
 * A power-flow request that cannot be run, with every violation found.
 *
 * <p>{@link #status()} says which kind. {@code 400}: a member is wrong on its own or with its siblings
 * in the same object (the body is not an object, a member is missing or of the wrong type, a number
 * is not finite or out of range, a bus type is unknown, reactive limits are inverted, a branch has
 * zero impedance or joins a bus to itself). {@code 422}: every member is right but together they do
 * not make a solvable grid (no or several slack buses, a bus number used twice, a branch to a bus
 * that does not exist, buses with no path to the slack bus). The 422 checks run only once there is
 * nothing to report as 400.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<Violation> violations;

  InvalidRequestException(int status, List<Violation> violations) {
    super(violations.size() + " problem(s) in the request, first: " + violations.get(0).pointer()
        + " " + violations.get(0).detail());
    this.status = status;
    this.violations = List.copyOf(violations);
  }

  /** 400 or 422, see the class comment. */
  public int status() {
    return status;
  }

  /** Every violation found, in body order, never empty. */
  public List<Violation> violations() {
    return violations;
  }
}
