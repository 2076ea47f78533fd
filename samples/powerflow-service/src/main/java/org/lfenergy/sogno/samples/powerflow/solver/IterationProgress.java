package org.lfenergy.sogno.samples.powerflow.solver;

/**
 * Where a solve stands after one Newton step.
 *
 * @param iteration Newton steps taken so far in this solve, counting across re-solves after
 *     reactive-limit switching, starting at 1
 * @param maxMismatchPu the largest power mismatch at any bus after this step, in per unit
 * @param initialMismatchPu the largest mismatch before the first step
 * @param tolerancePu the mismatch at which the solve counts as converged
 */
public record IterationProgress(
    int iteration, double maxMismatchPu, double initialMismatchPu, double tolerancePu) {

  /**
   * An estimate of how far the solve is, 0 to 100: the share of the way from the initial mismatch
   * down to the tolerance on a logarithmic scale (Newton's method gains digits, not a fixed amount per
   * step). 100 only once converged.
   */
  public int percentEstimate() {
    if (maxMismatchPu < tolerancePu) {
      return 100;
    }
    if (!(initialMismatchPu > tolerancePu) || !(maxMismatchPu > 0)) {
      return 0;
    }
    double share = Math.log(initialMismatchPu / maxMismatchPu)
        / Math.log(initialMismatchPu / tolerancePu);
    return (int) Math.max(0, Math.min(99, Math.floor(share * 100)));
  }
}
