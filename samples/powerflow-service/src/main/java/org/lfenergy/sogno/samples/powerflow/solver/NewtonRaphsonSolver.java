package org.lfenergy.sogno.samples.powerflow.solver;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;
import org.lfenergy.sogno.samples.powerflow.solver.NotConvergedException.Reason;

/**
 * AC power flow by the full Newton–Raphson method in polar coordinates, with a sparse Jacobian
 * factorised by EJML's sparse LU in every step.
 *
 * <p>The solve starts flat (PQ buses at 1.0 p.u., every angle at the slack's), takes Newton steps
 * until the largest P/Q mismatch is below the tolerance, and tells the listener after each step.
 * With {@link SolverOptions#enforceReactiveLimits()} it then switches PV buses whose generator
 * violates a reactive limit to PQ at that limit and solves again from where it stands, until no limit
 * is violated (at most once per PV bus).
 *
 * <pre>{@code
 * PowerFlowSolution solution = NewtonRaphsonSolver.with(SolverOptions.defaults())
 *     .solve(grid, progress -> log.info("iteration {}", progress.iteration()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: each solve works on its own state. {@link #solve} throws
 * {@link NotConvergedException} when there is no solution within the options, and
 * {@link CancellationException} when the solving thread is interrupted (checked after every step).
 */
public final class NewtonRaphsonSolver {
  private final SolverOptions options;

  private NewtonRaphsonSolver(SolverOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public static NewtonRaphsonSolver with(SolverOptions options) {
    return new NewtonRaphsonSolver(options);
  }

  public SolverOptions options() {
    return options;
  }

  /** Solves the grid; see the class comment for what it throws. */
  public PowerFlowSolution solve(Grid grid, IterationListener listener) {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(listener, "listener");
    PowerEquations equations = initialState(grid);
    boolean[] atLimit = new boolean[grid.buses().size()];
    int iterations = 0;
    double mismatch;
    while (true) {
      Newton run = new Newton(grid, equations, listener, iterations);
      mismatch = run.solve();
      iterations = run.iterations;
      if (!options.enforceReactiveLimits() || !switchViolatedPvBuses(grid, equations, atLimit)) {
        break;
      }
      equations.numberUnknowns();
    }
    return Solutions.of(grid, equations, atLimit, iterations, mismatch);
  }

  private static PowerEquations initialState(Grid grid) {
    List<Bus> buses = grid.buses();
    int n = buses.size();
    BusType[] types = new BusType[n];
    double[] magnitude = new double[n];
    double[] angle = new double[n];
    double[] scheduledP = new double[n];
    double[] scheduledQ = new double[n];
    double slackAngle = Math.toRadians(buses.get(grid.slackIndex()).angleSetpointDeg());
    for (int i = 0; i < n; i++) {
      Bus bus = buses.get(i);
      types[i] = bus.type();
      magnitude[i] = bus.type() == BusType.PQ ? 1.0 : bus.voltageSetpointPu();
      angle[i] = slackAngle;
      scheduledP[i] = bus.scheduledInjectionMw() / grid.baseMva();
      scheduledQ[i] = bus.scheduledInjectionMvar() / grid.baseMva();
    }
    return new PowerEquations(AdmittanceMatrix.of(grid), types, magnitude, angle, scheduledP,
        scheduledQ);
  }

  /** Returns whether any PV bus was switched to PQ. */
  private boolean switchViolatedPvBuses(Grid grid, PowerEquations equations, boolean[] atLimit) {
    double base = grid.baseMva();
    double slackMvar = options.tolerancePu() * base;
    boolean switched = false;
    for (int i = 0; i < equations.types.length; i++) {
      if (equations.types[i] != BusType.PV) {
        continue;
      }
      Bus bus = grid.buses().get(i);
      double generationMvar = equations.calculatedQ[i] * base + bus.loadMvar();
      double limit;
      if (generationMvar > bus.maxReactiveMvar() + slackMvar) {
        limit = bus.maxReactiveMvar();
      } else if (generationMvar < bus.minReactiveMvar() - slackMvar) {
        limit = bus.minReactiveMvar();
      } else {
        continue;
      }
      equations.types[i] = BusType.PQ;
      equations.scheduledQ[i] = (limit - bus.loadMvar()) / base;
      atLimit[i] = true;
      switched = true;
    }
    return switched;
  }

  /** One Newton solve at fixed bus types. */
  private final class Newton {
    private final Grid grid;
    private final PowerEquations equations;
    private final IterationListener listener;
    int iterations;

    Newton(Grid grid, PowerEquations equations, IterationListener listener, int iterationsSoFar) {
      this.grid = grid;
      this.equations = equations;
      this.listener = listener;
      this.iterations = iterationsSoFar;
    }

    /** Returns the final largest mismatch. */
    double solve() {
      LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu =
          LinearSolverFactory_DSCC.lu(FillReducing.NONE);
      equations.calculateInjections();
      DMatrixRMaj f = equations.mismatch();
      double initial = largest(f);
      double current = initial;
      int steps = 0;
      while (!(current < options.tolerancePu())) {
        if (!Double.isFinite(current)) {
          throw notConverged(Reason.DIVERGED, f);
        }
        if (steps == options.maxIterations()) {
          throw notConverged(Reason.ITERATION_LIMIT, f);
        }
        DMatrixRMaj dx = new DMatrixRMaj(f.numRows, 1);
        if (!lu.setA(equations.jacobian())) {
          throw notConverged(Reason.SINGULAR_JACOBIAN, f);
        }
        lu.solve(f, dx);
        if (!allFinite(dx)) {
          throw notConverged(Reason.SINGULAR_JACOBIAN, f);
        }
        equations.apply(dx);
        steps++;
        iterations++;
        equations.calculateInjections();
        f = equations.mismatch();
        current = largest(f);
        if (!voltagesPositive()) {
          throw notConverged(Reason.DIVERGED, f);
        }
        listener.onIteration(
            new IterationProgress(iterations, current, initial, options.tolerancePu()));
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("power flow cancelled after iteration " + iterations);
        }
      }
      return current;
    }

    private NotConvergedException notConverged(Reason reason, DMatrixRMaj f) {
      int worst = grid.buses().get(equations.worstBus(f)).number();
      return new NotConvergedException(reason, iterations, largest(f), worst);
    }

    private boolean voltagesPositive() {
      for (double v : equations.magnitude) {
        if (!(v > 0)) {
          return false;
        }
      }
      return true;
    }
  }

  private static double largest(DMatrixRMaj f) {
    double max = 0;
    for (double value : f.data) {
      if (Double.isNaN(value)) {
        return Double.NaN;
      }
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }

  private static boolean allFinite(DMatrixRMaj x) {
    for (double value : x.data) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }
}
