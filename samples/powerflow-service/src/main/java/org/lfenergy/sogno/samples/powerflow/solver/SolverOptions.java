package org.lfenergy.sogno.samples.powerflow.solver;

/**
 * How the Newton–Raphson solver iterates.
 *
 * <ul>
 *   <li>{@code tolerancePu}: converged when the largest active or reactive power mismatch at any bus
 *       is below this, in per unit of the base MVA (1e-8 by default, as in MATPOWER).
 *   <li>{@code maxIterations}: Newton steps allowed per solve before giving up (20 by default). With
 *       reactive limits enforced, each re-solve after switching buses gets this many again.
 *   <li>{@code enforceReactiveLimits}: after convergence, PV buses whose generator would leave its
 *       reactive limits become PQ buses held at the limit and the grid is solved again (off by
 *       default).
 * </ul>
 *
 * <p>Immutable and thread-safe; the constructor rejects a non-positive or non-finite tolerance and
 * fewer than one iteration with an {@link IllegalArgumentException}.
 */
public record SolverOptions(double tolerancePu, int maxIterations, boolean enforceReactiveLimits) {
  public static final double DEFAULT_TOLERANCE_PU = 1e-8;
  public static final int DEFAULT_MAX_ITERATIONS = 20;

  private static final SolverOptions DEFAULTS =
      new SolverOptions(DEFAULT_TOLERANCE_PU, DEFAULT_MAX_ITERATIONS, false);

  public SolverOptions {
    if (!(tolerancePu > 0) || !Double.isFinite(tolerancePu)) {
      throw new IllegalArgumentException("tolerancePu must be positive, got " + tolerancePu);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
  }

  public static SolverOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SolverOptions} starting from the defaults; not thread-safe. */
  public static final class Builder {
    private double tolerancePu = DEFAULT_TOLERANCE_PU;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private boolean enforceReactiveLimits;

    private Builder() {}

    public Builder tolerancePu(double tolerancePu) {
      this.tolerancePu = tolerancePu;
      return this;
    }

    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    public Builder enforceReactiveLimits(boolean enforce) {
      this.enforceReactiveLimits = enforce;
      return this;
    }

    public SolverOptions build() {
      return new SolverOptions(tolerancePu, maxIterations, enforceReactiveLimits);
    }
  }
}
