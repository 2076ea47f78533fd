package org.lfenergy.sogno.samples.powerflow.solver;

/**
 * Told after every Newton step, on the solving thread. An exception it throws ends the solve and
 * reaches the caller of {@link NewtonRaphsonSolver#solve}; that is how a job can stop a solve early.
 */
@FunctionalInterface
public interface IterationListener {
  /** Ignores progress. */
  IterationListener NONE = progress -> {};

  void onIteration(IterationProgress progress);
}
