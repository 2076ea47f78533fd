package org.lfenergy.sogno.samples.powerflow.api;

import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.samples.powerflow.solver.BranchFlow;
import org.lfenergy.sogno.samples.powerflow.solver.BusState;
import org.lfenergy.sogno.samples.powerflow.solver.PowerFlowSolution;

/**
 * The body of a succeeded power-flow job's result ({@code PowerFlowResult} in {@code openapi.yaml}):
 * what {@link PowerFlowSolution} holds, in the wire's names and units. Immutable.
 *
 * @param converged always {@code true}: a power flow that did not converge fails its job with a
 *     {@code power-flow-not-converged} problem instead of producing a result
 */
public record PowerFlowResult(
    String name,
    boolean converged,
    int iterations,
    double maxMismatchPu,
    double baseMva,
    List<BusResult> buses,
    List<BranchResult> branches,
    Losses losses) {

  /** A solved bus; {@code type} is {@code slack}, {@code pv} or {@code pq} as requested. */
  public record BusResult(
      int number,
      String name,
      String type,
      double voltagePu,
      double angleDeg,
      double injectionMw,
      double injectionMvar,
      double generationMw,
      double generationMvar,
      boolean atReactiveLimit) {}

  /** Flows into the branch at each end and the branch's losses. */
  public record BranchResult(
      int fromBus,
      int toBus,
      double fromMw,
      double fromMvar,
      double toMw,
      double toMvar,
      double lossMw,
      double lossMvar) {}

  /** Total branch losses. */
  public record Losses(double mw, double mvar) {}

  public static PowerFlowResult of(PowerFlowRequest request, PowerFlowSolution solution) {
    return new PowerFlowResult(
        request.name(),
        true,
        solution.iterations(),
        solution.maxMismatchPu(),
        request.grid().baseMva(),
        solution.buses().stream().map(PowerFlowResult::bus).toList(),
        solution.branches().stream().map(PowerFlowResult::branch).toList(),
        new Losses(solution.totalLossMw(), solution.totalLossMvar()));
  }

  private static BusResult bus(BusState bus) {
    return new BusResult(bus.number(), bus.name(), bus.type().name().toLowerCase(Locale.ROOT),
        bus.voltagePu(), bus.angleDeg(), bus.injectionMw(), bus.injectionMvar(),
        bus.generationMw(), bus.generationMvar(), bus.atReactiveLimit());
  }

  private static BranchResult branch(BranchFlow flow) {
    return new BranchResult(flow.fromBus(), flow.toBus(), flow.fromMw(), flow.fromMvar(),
        flow.toMw(), flow.toMvar(), flow.lossMw(), flow.lossMvar());
  }
}
