package org.lfenergy.sogno.samples.powerflow.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.ejml.data.Complex_F64;
import org.lfenergy.sogno.samples.powerflow.grid.Branch;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.Grid;

/**
 * The bus admittance matrix Y = G + jB in per unit, stored by rows with only the non-zero entries
 * (each row sorted by column, the diagonal included), plus each branch's own 2×2 admittances for
 * flow calculations.
 *
 * <p>Branch model (as in MATPOWER): with series admittance {@code ys = 1/(r + jx)}, charging
 * {@code b} and complex tap {@code t = ratio·e^(j·shift)}: {@code Ytt = ys + jb/2},
 * {@code Yff = Ytt/|t|²}, {@code Yft = -ys/conj(t)}, {@code Ytf = -ys/t}.
 */
final class AdmittanceMatrix {
  /** Column indices of each row's non-zero entries. */
  final int[][] columns;
  final double[][] conductance;
  final double[][] susceptance;
  /** Per branch: {Yff, Yft, Ytf, Ytt}. */
  final Complex_F64[][] branchAdmittances;

  private AdmittanceMatrix(int[][] columns, double[][] g, double[][] b, Complex_F64[][] branches) {
    this.columns = columns;
    this.conductance = g;
    this.susceptance = b;
    this.branchAdmittances = branches;
  }

  static AdmittanceMatrix of(Grid grid) {
    int n = grid.buses().size();
    List<TreeMap<Integer, Complex_F64>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Bus bus = grid.buses().get(i);
      TreeMap<Integer, Complex_F64> row = new TreeMap<>();
      row.put(i, new Complex_F64(bus.shuntConductanceMw() / grid.baseMva(),
          bus.shuntSusceptanceMvar() / grid.baseMva()));
      rows.add(row);
    }
    Complex_F64[][] perBranch = new Complex_F64[grid.branches().size()][];
    for (int k = 0; k < perBranch.length; k++) {
      Branch branch = grid.branches().get(k);
      Complex_F64[] y = branchAdmittances(branch);
      perBranch[k] = y;
      int f = grid.indexOf(branch.fromBus());
      int t = grid.indexOf(branch.toBus());
      add(rows.get(f), f, y[0]);
      add(rows.get(f), t, y[1]);
      add(rows.get(t), f, y[2]);
      add(rows.get(t), t, y[3]);
    }
    int[][] columns = new int[n][];
    double[][] g = new double[n][];
    double[][] b = new double[n][];
    for (int i = 0; i < n; i++) {
      TreeMap<Integer, Complex_F64> row = rows.get(i);
      columns[i] = new int[row.size()];
      g[i] = new double[row.size()];
      b[i] = new double[row.size()];
      int p = 0;
      for (var entry : row.entrySet()) {
        columns[i][p] = entry.getKey();
        g[i][p] = entry.getValue().real;
        b[i][p] = entry.getValue().imaginary;
        p++;
      }
    }
    return new AdmittanceMatrix(columns, g, b, perBranch);
  }

  private static Complex_F64[] branchAdmittances(Branch branch) {
    Complex_F64 series = new Complex_F64(1, 0).divide(new Complex_F64(branch.r(), branch.x()));
    Complex_F64 minusSeries = new Complex_F64(-series.real, -series.imaginary);
    Complex_F64 ytt = series.plus(new Complex_F64(0, branch.b() / 2));
    double shift = Math.toRadians(branch.phaseShiftDeg());
    double ratio = branch.tapRatio();
    Complex_F64 tap = new Complex_F64(ratio * Math.cos(shift), ratio * Math.sin(shift));
    Complex_F64 tapConj = new Complex_F64(tap.real, -tap.imaginary);
    Complex_F64 yff = new Complex_F64(ytt.real / (ratio * ratio), ytt.imaginary / (ratio * ratio));
    return new Complex_F64[] {yff, minusSeries.divide(tapConj), minusSeries.divide(tap), ytt};
  }

  private static void add(TreeMap<Integer, Complex_F64> row, int column, Complex_F64 value) {
    row.merge(column, value, Complex_F64::plus);
  }

  int size() {
    return columns.length;
  }

  /** The diagonal entry's position in row i. */
  int diagonalPosition(int i) {
    return Arrays.binarySearch(columns[i], i);
  }
}
