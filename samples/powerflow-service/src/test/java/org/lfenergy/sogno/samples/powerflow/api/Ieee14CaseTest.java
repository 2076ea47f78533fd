package org.lfenergy.sogno.samples.powerflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.lfenergy.sogno.samples.powerflow.contract.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.samples.powerflow.Ieee14;
import org.lfenergy.sogno.samples.powerflow.Ieee14.PublishedBus;
import org.lfenergy.sogno.samples.powerflow.solver.BusState;
import org.lfenergy.sogno.samples.powerflow.solver.IterationProgress;
import org.lfenergy.sogno.samples.powerflow.solver.NewtonRaphsonSolver;
import org.lfenergy.sogno.samples.powerflow.solver.PowerFlowSolution;

class Ieee14CaseTest {
  private final PowerFlowRequest request = Ieee14.toDomain(Ieee14.requestTree());
  private final List<IterationProgress> progress = new ArrayList<>();
  private final PowerFlowSolution solution =
      NewtonRaphsonSolver.with(request.options()).solve(request.grid(), progress::add);

  @Test
  void matchesThePublishedVoltagesOnEveryBus() {
    List<PublishedBus> published = Ieee14.publishedSolution();
    assertThat(published).hasSize(14);
    SoftAssertions softly = new SoftAssertions();
    for (PublishedBus expected : published) {
      BusState bus = solution.bus(expected.number());
      softly.assertThat(bus.voltagePu()).as("|V| at bus %d", expected.number())
          .isCloseTo(expected.voltagePu(), within(0.002));
      softly.assertThat(bus.angleDeg()).as("angle at bus %d", expected.number())
          .isCloseTo(expected.angleDeg(), within(0.05));
    }
    softly.assertAll();
  }

  @Test
  void convergesInAFewNewtonStepsReportingEach() {
    assertThat(solution.iterations()).isBetween(2, 6);
    assertThat(progress).hasSize(solution.iterations());
    assertThat(solution.maxMismatchPu()).isLessThan(request.options().tolerancePu());
  }

  @Test
  void balancesGenerationLoadAndLosses() {
    double injected = solution.buses().stream().mapToDouble(BusState::injectionMw).sum();
    double injectedMvar = solution.buses().stream().mapToDouble(BusState::injectionMvar).sum();
    // Bus 9's shunt capacitor injects 19 MVAr at 1.0 p.u., scaled by |V|².
    double shuntMvar = 19 * Math.pow(solution.bus(9).voltagePu(), 2);

    assertThat(solution.totalLossMw()).isCloseTo(injected, within(1e-6));
    assertThat(solution.totalLossMvar()).isCloseTo(injectedMvar + shuntMvar, within(1e-6));
    // The published dispatch of the slack generator is 232.4 MW.
    assertThat(solution.bus(1).generationMw()).isCloseTo(232.4, within(0.5));
  }

  @Test
  @SuppressWarnings("unchecked")
  void solutionDoesNotDependOnTheOrderBusesAndBranchesAreGivenIn() {
    Map<String, Object> shuffled = (Map<String, Object>) Ieee14.requestTree();
    Map<String, Object> grid = (Map<String, Object>) shuffled.get("grid");
    Collections.shuffle((List<Object>) grid.get("buses"), new Random(7));
    Collections.reverse((List<Object>) grid.get("branches"));
    PowerFlowRequest reordered = Ieee14.toDomain(shuffled);

    PowerFlowSolution again =
        NewtonRaphsonSolver.with(reordered.options()).solve(reordered.grid(), p -> {});

    for (BusState bus : solution.buses()) {
      assertThat(again.bus(bus.number()).voltagePu()).isCloseTo(bus.voltagePu(), within(1e-9));
      assertThat(again.bus(bus.number()).angleDeg()).isCloseTo(bus.angleDeg(), within(1e-7));
    }
  }

  @Test
  void resultCarriesEveryBusAndBranchInRequestOrder() {
    PowerFlowResult result = PowerFlowResults.of(request, solution);

    assertThat(result.getName()).isEqualTo("IEEE 14-bus test case");
    assertThat(result.getConverged()).isTrue();
    assertThat(result.getBuses()).extracting(BusResult::getNumber)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    assertThat(result.getBuses().get(0).getType().value()).isEqualTo("slack");
    assertThat(result.getBranches()).hasSize(20);
    assertThat(result.getBranches().get(7)).satisfies(b -> {
      assertThat(b.getFromBus()).isEqualTo(4);
      assertThat(b.getToBus()).isEqualTo(7);
    });
    assertThat(result.getLosses().getMw()).isEqualTo(solution.totalLossMw());
  }
}
