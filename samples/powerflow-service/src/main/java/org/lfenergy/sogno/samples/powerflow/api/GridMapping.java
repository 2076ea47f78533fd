package org.lfenergy.sogno.samples.powerflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.lfenergy.sogno.samples.powerflow.contract.model.Branch;
import org.lfenergy.sogno.samples.powerflow.contract.model.Bus;
import org.lfenergy.sogno.samples.powerflow.contract.model.Grid;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;
import org.lfenergy.sogno.samples.powerflow.solver.SolverOptions;

/**
 * Turns a {@code POST /v1/powerflows} body, already valid against {@code PowerFlowRequest} in the spec
 * (the runtime checked types, required members, ranges and enums, and filled in the defaults), into the
 * solver's {@link PowerFlowRequest}, checking what a JSON Schema cannot say: relations between members
 * of one object (400) and whether the grid as a whole can be solved (422, {@link GridRules}). Every
 * violation is reported at once with its pointer. Stateless and thread-safe.
 */
public final class GridMapping {
  private GridMapping() {}

  /**
   * @throws InvalidRequestException with every violation found
   */
  public static PowerFlowRequest toDomain(org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowRequest body) {
    Violations violations = new Violations();
    Grid grid = body.getGrid();
    List<org.lfenergy.sogno.samples.powerflow.grid.Bus> buses = new ArrayList<>();
    for (int i = 0; i < grid.getBuses().size(); i++) {
      buses.add(bus(grid.getBuses().get(i), "#/grid/buses/" + i, violations));
    }
    List<org.lfenergy.sogno.samples.powerflow.grid.Branch> branches = new ArrayList<>();
    for (int i = 0; i < grid.getBranches().size(); i++) {
      branches.add(branch(grid.getBranches().get(i), "#/grid/branches/" + i, violations));
    }
    violations.throwIfAny();
    GridRules.check(buses, branches, violations);
    violations.throwIfAny();
    org.lfenergy.sogno.samples.powerflow.grid.Grid.Builder builder =
        org.lfenergy.sogno.samples.powerflow.grid.Grid.builder().baseMva(grid.getBaseMva());
    buses.forEach(builder::addBus);
    branches.forEach(builder::addBranch);
    return new PowerFlowRequest(grid.getName(), builder.build(), options(body.getOptions()));
  }

  private static SolverOptions options(org.lfenergy.sogno.samples.powerflow.contract.model.SolverOptions options) {
    return options == null ? SolverOptions.defaults()
        : new SolverOptions(options.getTolerancePu(), options.getMaxIterations(), options.getEnforceReactiveLimits());
  }

  private static org.lfenergy.sogno.samples.powerflow.grid.Bus bus(Bus bus, String pointer, Violations violations) {
    BusType type = BusType.valueOf(bus.getType().value().toUpperCase(Locale.ROOT));
    boolean controlsVoltage = type == BusType.SLACK || type == BusType.PV;
    if (controlsVoltage && bus.getVoltageSetpointPu() == null) {
      violations.malformed(pointer + "/voltageSetpointPu", "required", "a " + bus.getType().value()
          + " bus holds its voltage: voltageSetpointPu is required");
      return null;
    }
    double min = bus.getMinReactiveMvar() == null ? Double.NEGATIVE_INFINITY : bus.getMinReactiveMvar();
    double max = bus.getMaxReactiveMvar() == null ? Double.POSITIVE_INFINITY : bus.getMaxReactiveMvar();
    if (min > max) {
      violations.malformed(pointer + "/minReactiveMvar", "inverted-limits",
          "must not exceed maxReactiveMvar (" + max + "), got " + min);
      return null;
    }
    return build(pointer, violations, () -> org.lfenergy.sogno.samples.powerflow.grid.Bus.builder(bus.getNumber(), type)
        .name(bus.getName())
        .load(bus.getLoadMw(), bus.getLoadMvar())
        .generation(bus.getGenerationMw(), bus.getGenerationMvar())
        .voltageSetpoint(bus.getVoltageSetpointPu() == null ? 1.0 : bus.getVoltageSetpointPu())
        .angleSetpoint(bus.getAngleSetpointDeg())
        .reactiveLimits(min, max)
        .shunt(bus.getShuntConductanceMw(), bus.getShuntSusceptanceMvar())
        .build());
  }

  private static org.lfenergy.sogno.samples.powerflow.grid.Branch branch(Branch branch, String pointer,
      Violations violations) {
    if (branch.getFromBus().equals(branch.getToBus())) {
      violations.malformed(pointer + "/toBus", "same-bus", "must differ from fromBus (" + branch.getFromBus() + ")");
      return null;
    }
    if (branch.getrPu() == 0 && branch.getxPu() == 0) {
      violations.malformed(pointer + "/xPu", "zero-impedance",
          "rPu and xPu are both 0: a branch without impedance cannot be modelled; merge its buses");
      return null;
    }
    return build(pointer, violations, () -> org.lfenergy.sogno.samples.powerflow.grid.Branch
        .builder(branch.getFromBus(), branch.getToBus())
        .impedance(branch.getrPu(), branch.getxPu())
        .charging(branch.getbPu())
        .tap(branch.getTapRatio(), branch.getPhaseShiftDeg())
        .build());
  }

  /** Numbers beyond a double's range arrive as infinities, which the grid's builders refuse. */
  private static <T> T build(String pointer, Violations violations, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException e) {
      violations.malformed(pointer, "not-finite", e.getMessage());
      return null;
    }
  }
}
