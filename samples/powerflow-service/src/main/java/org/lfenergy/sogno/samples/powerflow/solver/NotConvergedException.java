package org.lfenergy.sogno.samples.powerflow.solver;

/**
 * The solve ended without a solution: a distinct outcome of {@link NewtonRaphsonSolver#solve}, not a
 * bug. Says why, after how many Newton steps, and how far from balanced the grid still was.
 */
public final class NotConvergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the solve stopped. */
  public enum Reason {
    /** The mismatch was still above the tolerance after the allowed iterations. */
    ITERATION_LIMIT,
    /**
     * The Jacobian could not be factorised: typically buses with no path to the slack bus, or a
     * voltage collapse point.
     */
    SINGULAR_JACOBIAN,
    /** The iterates left the numbers (non-finite mismatch or a voltage magnitude at or below 0). */
    DIVERGED
  }

  private final Reason reason;
  private final int iterations;
  private final double maxMismatchPu;
  private final int worstBus;

  NotConvergedException(Reason reason, int iterations, double maxMismatchPu, int worstBus) {
    super(switch (reason) {
      case ITERATION_LIMIT -> "power flow did not converge in " + iterations + " iterations";
      case SINGULAR_JACOBIAN -> "power flow stopped after " + iterations
          + " iterations: the Jacobian is singular";
      case DIVERGED -> "power flow diverged after " + iterations + " iterations";
    } + " (largest mismatch " + maxMismatchPu + " p.u. at bus " + worstBus + ")");
    this.reason = reason;
    this.iterations = iterations;
    this.maxMismatchPu = maxMismatchPu;
    this.worstBus = worstBus;
  }

  public Reason reason() {
    return reason;
  }

  /** Newton steps taken before the solve stopped. */
  public int iterations() {
    return iterations;
  }

  /** The largest power mismatch when the solve stopped, in per unit (may be NaN if diverged). */
  public double maxMismatchPu() {
    return maxMismatchPu;
  }

  /** The number of the bus with the largest mismatch when the solve stopped. */
  public int worstBus() {
    return worstBus;
  }
}
