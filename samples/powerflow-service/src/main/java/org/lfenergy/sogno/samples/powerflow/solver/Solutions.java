package org.lfenergy.sogno.samples.powerflow.solver;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.lfenergy.sogno.samples.powerflow.grid.Branch;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;

/** Turns a converged working state into the engineering-unit {@link PowerFlowSolution}. */
final class Solutions {
  private Solutions() {}

  static PowerFlowSolution of(Grid grid, PowerEquations equations, boolean[] atLimit,
      int iterations, double mismatch) {
    double base = grid.baseMva();
    List<BusState> buses = new ArrayList<>(grid.buses().size());
    for (int i = 0; i < grid.buses().size(); i++) {
      Bus bus = grid.buses().get(i);
      double injectionMw = equations.calculatedP[i] * base;
      double injectionMvar = equations.calculatedQ[i] * base;
      buses.add(new BusState(bus.number(), bus.name(), bus.type(), atLimit[i],
          equations.magnitude[i], Math.toDegrees(equations.angle[i]), injectionMw, injectionMvar,
          injectionMw + bus.loadMw(), injectionMvar + bus.loadMvar()));
    }
    List<BranchFlow> flows = new ArrayList<>(grid.branches().size());
    for (int k = 0; k < grid.branches().size(); k++) {
      Branch branch = grid.branches().get(k);
      Complex_F64[] y = equations.y.branchAdmittances[k];
      Complex_F64 vf = phasor(equations, grid.indexOf(branch.fromBus()));
      Complex_F64 vt = phasor(equations, grid.indexOf(branch.toBus()));
      Complex_F64 sf = power(vf, y[0].times(vf).plus(y[1].times(vt)));
      Complex_F64 st = power(vt, y[2].times(vf).plus(y[3].times(vt)));
      flows.add(new BranchFlow(branch.fromBus(), branch.toBus(), sf.real * base,
          sf.imaginary * base, st.real * base, st.imaginary * base));
    }
    return new PowerFlowSolution(buses, flows, iterations, mismatch);
  }

  private static Complex_F64 phasor(PowerEquations equations, int bus) {
    double v = equations.magnitude[bus];
    double a = equations.angle[bus];
    return new Complex_F64(v * Math.cos(a), v * Math.sin(a));
  }

  /** S = V · conj(I). */
  private static Complex_F64 power(Complex_F64 voltage, Complex_F64 current) {
    return voltage.times(new Complex_F64(current.real, -current.imaginary));
  }
}
