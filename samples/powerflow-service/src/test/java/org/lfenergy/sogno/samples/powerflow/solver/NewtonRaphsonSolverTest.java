package org.lfenergy.sogno.samples.powerflow.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.lfenergy.sogno.samples.powerflow.grid.Branch;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;
import org.lfenergy.sogno.samples.powerflow.solver.NotConvergedException.Reason;
import org.junit.jupiter.api.Test;

class NewtonRaphsonSolverTest {
  private static final NewtonRaphsonSolver SOLVER = NewtonRaphsonSolver.with(SolverOptions.defaults());

  /** Slack at 1.0 p.u. feeding a PQ load over a lossless line of reactance x. */
  private static Grid twoBus(double x, double loadMw, double loadMvar) {
    return Grid.builder()
        .baseMva(100)
        .addBus(Bus.builder(1, BusType.SLACK).voltageSetpoint(1.0).build())
        .addBus(Bus.builder(2, BusType.PQ).load(loadMw, loadMvar).build())
        .addBranch(Branch.builder(1, 2).impedance(0, x).build())
        .build();
  }

  @Test
  void recoversTheAnalyticVoltageOfALosslessLine() {
    double x = 0.1;
    double v2 = 0.95;
    double delta = Math.toRadians(-5);
    // Power received at bus 2 over a lossless line from bus 1 at 1.0∠0:
    double receivedP = v2 * Math.sin(-delta) / x;
    double receivedQ = (v2 * Math.cos(delta) - v2 * v2) / x;

    PowerFlowSolution solution = SOLVER.solve(
        twoBus(x, receivedP * 100, receivedQ * 100), IterationListener.NONE);

    assertThat(solution.bus(2).voltagePu()).isCloseTo(v2, within(1e-9));
    assertThat(solution.bus(2).angleDeg()).isCloseTo(-5, within(1e-7));
    assertThat(solution.bus(1).generationMw()).isCloseTo(receivedP * 100, within(1e-6));
    assertThat(solution.totalLossMw()).isCloseTo(0, within(1e-9));
  }

  @Test
  void reportsBranchLossesAsTheDifferenceOfBothEnds() {
    Grid grid = Grid.builder()
        .addBus(Bus.builder(1, BusType.SLACK).voltageSetpoint(1.02).build())
        .addBus(Bus.builder(2, BusType.PQ).load(50, 20).build())
        .addBranch(Branch.builder(1, 2).impedance(0.02, 0.06).charging(0.03).build())
        .build();

    PowerFlowSolution solution = SOLVER.solve(grid, IterationListener.NONE);

    BranchFlow flow = solution.branches().get(0);
    assertThat(flow.fromMw()).isCloseTo(solution.bus(1).generationMw(), within(1e-6));
    assertThat(flow.toMw()).isCloseTo(-50, within(1e-6));
    assertThat(flow.toMvar()).isCloseTo(-20, within(1e-6));
    assertThat(flow.lossMw()).isPositive();
    // I²R at the sending end equals the loss: |S_from - jB/2·V²|² / V² · r
    double v1 = 1.02;
    double seriesMvar = flow.fromMvar() + 0.03 / 2 * v1 * v1 * 100;
    double currentSquared = (flow.fromMw() * flow.fromMw() + seriesMvar * seriesMvar) / 1e4 / (v1 * v1);
    assertThat(flow.lossMw()).isCloseTo(currentSquared * 0.02 * 100, within(1e-6));
  }

  @Test
  void placesTheOffNominalTapAtTheFromEnd() {
    Grid grid = Grid.builder()
        .addBus(Bus.builder(1, BusType.SLACK).voltageSetpoint(1.0).build())
        .addBus(Bus.builder(2, BusType.PQ).build())
        .addBranch(Branch.builder(1, 2).impedance(0.01, 0.1).tap(0.95, 10).build())
        .build();

    PowerFlowSolution solution = SOLVER.solve(grid, IterationListener.NONE);

    // Unloaded, the to end sees the from voltage divided by the complex tap ratio.
    assertThat(solution.bus(2).voltagePu()).isCloseTo(1.0 / 0.95, within(1e-9));
    assertThat(solution.bus(2).angleDeg()).isCloseTo(-10, within(1e-7));
  }

  @Test
  void holdsPvBusesAtTheirVoltageSetpoint() {
    Grid grid = Grid.builder()
        .addBus(Bus.builder(1, BusType.SLACK).voltageSetpoint(1.0).build())
        .addBus(Bus.builder(2, BusType.PV).generation(30, 0).voltageSetpoint(1.03).load(0, 40).build())
        .addBranch(Branch.builder(1, 2).impedance(0.01, 0.1).build())
        .build();

    PowerFlowSolution solution = SOLVER.solve(grid, IterationListener.NONE);

    assertThat(solution.bus(2).voltagePu()).isEqualTo(1.03);
    assertThat(solution.bus(2).injectionMw()).isCloseTo(30, within(1e-6));
    assertThat(solution.bus(2).generationMvar()).isGreaterThan(40);
    assertThat(solution.bus(2).atReactiveLimit()).isFalse();
  }

  @Test
  void switchesPvBusesThatExceedTheirReactiveLimitToPqAtTheLimit() {
    Bus generator = Bus.builder(2, BusType.PV).generation(30, 0).voltageSetpoint(1.03)
        .load(0, 40).reactiveLimits(-10, 45).build();
    Grid grid = Grid.builder()
        .addBus(Bus.builder(1, BusType.SLACK).voltageSetpoint(1.0).build())
        .addBus(generator)
        .addBranch(Branch.builder(1, 2).impedance(0.01, 0.1).build())
        .build();
    SolverOptions enforcing = SolverOptions.builder().enforceReactiveLimits(true).build();

    PowerFlowSolution unlimited = SOLVER.solve(grid, IterationListener.NONE);
    PowerFlowSolution limited = NewtonRaphsonSolver.with(enforcing).solve(grid, IterationListener.NONE);

    assertThat(unlimited.bus(2).generationMvar()).isGreaterThan(45);
    assertThat(limited.bus(2).atReactiveLimit()).isTrue();
    assertThat(limited.bus(2).generationMvar()).isCloseTo(45, within(1e-6));
    assertThat(limited.bus(2).voltagePu()).isLessThan(1.03);
    assertThat(limited.iterations()).isGreaterThan(unlimited.iterations());
  }

  @Test
  void reportsEveryIterationToTheListener() {
    List<IterationProgress> progress = new ArrayList<>();

    PowerFlowSolution solution = SOLVER.solve(twoBus(0.1, 80, 30), progress::add);

    assertThat(progress).hasSize(solution.iterations());
    assertThat(progress).extracting(IterationProgress::iteration)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, solution.iterations())
            .boxed().toList());
    assertThat(progress).extracting(IterationProgress::percentEstimate).isSorted();
    assertThat(progress.get(progress.size() - 1).percentEstimate()).isEqualTo(100);
    assertThat(progress.get(progress.size() - 1).maxMismatchPu())
        .isEqualTo(solution.maxMismatchPu()).isLessThan(SolverOptions.DEFAULT_TOLERANCE_PU);
  }

  @Test
  void failsWithIterationLimitWhenTheBudgetIsTooSmall() {
    NewtonRaphsonSolver oneStep = NewtonRaphsonSolver.with(
        SolverOptions.builder().maxIterations(1).build());

    assertThatThrownBy(() -> oneStep.solve(twoBus(0.1, 80, 30), IterationListener.NONE))
        .isInstanceOfSatisfying(NotConvergedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.ITERATION_LIMIT);
          assertThat(e.iterations()).isEqualTo(1);
          assertThat(e.maxMismatchPu()).isGreaterThan(SolverOptions.DEFAULT_TOLERANCE_PU);
          assertThat(e.worstBus()).isEqualTo(2);
        });
  }

  @Test
  void failsToConvergeBeyondTheMaximumLoadability() {
    // A lossless line of x = 0.1 p.u. from 1.0 p.u. can carry at most V²/(2x) = 5 p.u. = 500 MW.
    Grid overloaded = twoBus(0.1, 800, 0);

    assertThatThrownBy(() -> SOLVER.solve(overloaded, IterationListener.NONE))
        .isInstanceOf(NotConvergedException.class)
        .hasMessageContaining("bus 2");
  }

  @Test
  void reportsASingularJacobianForABusWithoutAPathToTheSlack() {
    Grid island = Grid.builder()
        .addBus(Bus.builder(1, BusType.SLACK).build())
        .addBus(Bus.builder(2, BusType.PQ).load(10, 5).build())
        .addBus(Bus.builder(3, BusType.PQ).load(10, 5).build())
        .addBranch(Branch.builder(1, 2).impedance(0.01, 0.1).build())
        .build();

    assertThatThrownBy(() -> SOLVER.solve(island, IterationListener.NONE))
        .isInstanceOfSatisfying(NotConvergedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SINGULAR_JACOBIAN));
  }

  @Test
  void stopsWithCancellationWhenTheSolvingThreadIsInterrupted() {
    IterationListener interruptAfterFirst = progress -> Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> SOLVER.solve(twoBus(0.1, 80, 30), interruptAfterFirst))
          .isInstanceOf(CancellationException.class)
          .hasMessageContaining("after iteration 1");
    } finally {
      Thread.interrupted();
    }
  }
}
