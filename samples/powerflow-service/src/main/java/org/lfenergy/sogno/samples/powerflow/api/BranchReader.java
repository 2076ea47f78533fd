package org.lfenergy.sogno.samples.powerflow.api;

import org.lfenergy.sogno.samples.powerflow.grid.Branch;

/** Reads one element of {@code grid.branches}. */
final class BranchReader {
  private BranchReader() {}

  static Branch read(JsonObjectReader branch) {
    Integer from = branch.integer("fromBus", null, Integer.MIN_VALUE, Integer.MAX_VALUE);
    Integer to = branch.integer("toBus", null, Integer.MIN_VALUE, Integer.MAX_VALUE);
    Double r = branch.number("rPu", null);
    Double x = branch.number("xPu", null);
    Double b = branch.number("bPu", 0.0);
    Double tapRatio = branch.positiveNumber("tapRatio", 1.0);
    Double phaseShift = branch.number("phaseShiftDeg", 0.0);
    if (from == null || to == null || r == null || x == null || b == null || tapRatio == null
        || phaseShift == null) {
      return null;
    }
    if (from.equals(to)) {
      branch.malformed("toBus", "same-bus", "must differ from fromBus (" + from + ")");
      return null;
    }
    if (r == 0 && x == 0) {
      branch.malformed("xPu", "zero-impedance",
          "rPu and xPu are both 0: a branch without impedance cannot be modelled; merge its buses");
      return null;
    }
    return Branch.builder(from, to).impedance(r, x).charging(b).tap(tapRatio, phaseShift).build();
  }
}
