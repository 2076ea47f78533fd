package org.lfenergy.sogno.samples.powerflow.api;

import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.samples.powerflow.grid.Branch;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;
import org.lfenergy.sogno.samples.powerflow.solver.SolverOptions;

/**
 * Reads a {@code POST /v1/powerflows} body, already parsed into plain JSON values (maps, lists,
 * numbers, strings, booleans, as {@code SognoJson.readUntyped} gives them), into a
 * {@link PowerFlowRequest}, checking everything the solver relies on.
 *
 * <p>Reading goes through the whole body and reports every violation (up to 100) with the JSON
 * pointer of the member at fault (URI fragment form, {@code #/grid/buses/3/type}), so a client
 * fixes its request in one round trip. See
 * {@link InvalidRequestException} for which problems are 400 and which 422; the grid checks run only
 * once the shape is right. Stateless and thread-safe.
 *
 * <p>Members that may be left out: bus loads, generation, shunts and angle set-point (0), voltage
 * set-point (1.0 p.u.; required for slack and PV buses), reactive limits (unlimited), branch charging
 * {@code bPu} and phase shift (0), tap ratio (1), base MVA (100), every option (see
 * {@link SolverOptions}). Unknown members are ignored.
 */
public final class PowerFlowRequestReader {
  /** Largest grid accepted, to bound the memory and time one request can take. */
  public static final int MAX_BUSES = 20_000;
  public static final int MAX_BRANCHES = 4 * MAX_BUSES;
  /** Largest {@code options.maxIterations} accepted. */
  public static final int MAX_ITERATIONS = 100;

  private PowerFlowRequestReader() {}

  /**
   * @throws InvalidRequestException with every violation found
   */
  public static PowerFlowRequest read(Object body) {
    Violations violations = new Violations();
    JsonObjectReader root = JsonObjectReader.of(body, "#", violations);
    if (root == null) {
      violations.throwIfAny();
    }
    SolverOptions options = readOptions(root.optionalObject("options"));
    JsonObjectReader grid = root.requiredObject("grid");
    if (grid == null) {
      violations.throwIfAny();
    }
    String name = grid.string("name");
    Double baseMva = grid.positiveNumber("baseMva", 100.0);
    List<Bus> buses = readAll(grid, "buses", MAX_BUSES, violations, BusReader::read);
    List<Branch> branches = readAll(grid, "branches", MAX_BRANCHES, violations, BranchReader::read);
    if (violations.anyMalformed() || options == null || baseMva == null) {
      violations.throwIfAny();
    }
    GridRules.check(grid, buses, branches, violations);
    violations.throwIfAny();
    Grid.Builder builder = Grid.builder().baseMva(baseMva);
    buses.forEach(builder::addBus);
    branches.forEach(builder::addBranch);
    return new PowerFlowRequest(name, builder.build(), options);
  }

  private static SolverOptions readOptions(JsonObjectReader options) {
    if (options == null) {
      return null;
    }
    Double tolerance = options.positiveNumber("tolerancePu", SolverOptions.DEFAULT_TOLERANCE_PU);
    Integer maxIterations = options.integer(
        "maxIterations", SolverOptions.DEFAULT_MAX_ITERATIONS, 1, MAX_ITERATIONS);
    boolean enforce = options.bool("enforceReactiveLimits", false);
    if (tolerance == null || maxIterations == null) {
      return null;
    }
    return new SolverOptions(tolerance, maxIterations, enforce);
  }

  /** Reads one array element; returns null, after reporting why, when it is unusable. */
  @FunctionalInterface
  interface ElementReader<T> {
    T read(JsonObjectReader element);
  }

  /**
   * Reads every element of a required array in order; a {@code null} in the result stands for an
   * element that had violations (so the grid checks never see one).
   */
  private static <T> List<T> readAll(JsonObjectReader grid, String member, int max,
      Violations violations, ElementReader<T> reader) {
    List<?> items = grid.requiredArray(member, max);
    if (items == null) {
      return List.of();
    }
    List<T> result = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonObjectReader element =
          JsonObjectReader.of(items.get(i), grid.pointer(member) + "/" + i, violations);
      result.add(element == null ? null : reader.read(element));
    }
    return result;
  }
}
