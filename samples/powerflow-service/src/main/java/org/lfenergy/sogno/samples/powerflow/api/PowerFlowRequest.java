package org.lfenergy.sogno.samples.powerflow.api;

import java.util.Objects;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;
import org.lfenergy.sogno.samples.powerflow.solver.SolverOptions;

/**
 * A validated {@code POST /v1/powerflows} body: a grid that can be solved and the solver options.
 * Made by {@link GridMapping}; immutable.
 *
 * @param name the grid's name as given, or {@code ""}
 */
public record PowerFlowRequest(String name, Grid grid, SolverOptions options) {
  public PowerFlowRequest {
    name = name == null ? "" : name;
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(options, "options");
  }
}
