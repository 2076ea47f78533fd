package org.lfenergy.sogno.samples.powerflow.solver;

import java.util.List;

/**
 * A converged power flow: bus states and branch flows in the grid's order, the Newton steps it took
 * (counting re-solves after reactive-limit switching) and the mismatch it reached. Immutable.
 */
public record PowerFlowSolution(
    List<BusState> buses, List<BranchFlow> branches, int iterations, double maxMismatchPu) {

  public PowerFlowSolution {
    buses = List.copyOf(buses);
    branches = List.copyOf(branches);
  }

  /** Active power lost in all branches, in MW. */
  public double totalLossMw() {
    return branches.stream().mapToDouble(BranchFlow::lossMw).sum();
  }

  /** Reactive power consumed by all branches net of their line charging, in MVAr. */
  public double totalLossMvar() {
    return branches.stream().mapToDouble(BranchFlow::lossMvar).sum();
  }

  /** The state of the bus with this number. */
  public BusState bus(int number) {
    return buses.stream().filter(b -> b.number() == number).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bus numbered " + number));
  }
}
