package org.lfenergy.sogno.samples.powerflow.api;

import java.util.Locale;
import org.lfenergy.sogno.samples.powerflow.contract.model.BranchResult;
import org.lfenergy.sogno.samples.powerflow.contract.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.contract.model.BusType;
import org.lfenergy.sogno.samples.powerflow.contract.model.Losses;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.samples.powerflow.solver.BranchFlow;
import org.lfenergy.sogno.samples.powerflow.solver.BusState;
import org.lfenergy.sogno.samples.powerflow.solver.PowerFlowSolution;

/**
 * The body of a succeeded power-flow job's result, the spec's {@code PowerFlowResult}: what {@link
 * PowerFlowSolution} holds, in the wire's names and units. {@code converged} is always {@code true}: a
 * power flow that did not converge fails its job with a {@code power-flow-not-converged} problem instead.
 */
public final class PowerFlowResults {
  private PowerFlowResults() {}

  public static PowerFlowResult of(PowerFlowRequest request, PowerFlowSolution solution) {
    return new PowerFlowResult()
        .name(request.name())
        .converged(true)
        .iterations(solution.iterations())
        .maxMismatchPu(solution.maxMismatchPu())
        .baseMva(request.grid().baseMva())
        .buses(solution.buses().stream().map(PowerFlowResults::bus).toList())
        .branches(solution.branches().stream().map(PowerFlowResults::branch).toList())
        .losses(new Losses().mw(solution.totalLossMw()).mvar(solution.totalLossMvar()));
  }

  private static BusResult bus(BusState bus) {
    return new BusResult().number(bus.number()).name(bus.name())
        .type(BusType.of(bus.type().name().toLowerCase(Locale.ROOT)))
        .voltagePu(bus.voltagePu()).angleDeg(bus.angleDeg())
        .injectionMw(bus.injectionMw()).injectionMvar(bus.injectionMvar())
        .generationMw(bus.generationMw()).generationMvar(bus.generationMvar())
        .atReactiveLimit(bus.atReactiveLimit());
  }

  private static BranchResult branch(BranchFlow flow) {
    return new BranchResult().fromBus(flow.fromBus()).toBus(flow.toBus())
        .fromMw(flow.fromMw()).fromMvar(flow.fromMvar()).toMw(flow.toMw()).toMvar(flow.toMvar())
        .lossMw(flow.lossMw()).lossMvar(flow.lossMvar());
  }
}
