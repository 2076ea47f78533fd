package org.lfenergy.sogno.samples.powerflow.solver;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;

/**
 * The AC power-flow equations in polar form over one working state: calculated injections, the
 * mismatch vector and the Jacobian. Unknowns are the angles of non-slack buses and the magnitudes
 * of PQ buses; the P equation of a bus shares its index with the bus's angle, the Q equation with
 * its magnitude.
 *
 * <pre>
 * P_i = V_i Σ_k V_k (G_ik cos θ_ik + B_ik sin θ_ik)
 * Q_i = V_i Σ_k V_k (G_ik sin θ_ik − B_ik cos θ_ik)
 * </pre>
 *
 * Mutable and confined to the solving thread.
 */
final class PowerEquations {
  final AdmittanceMatrix y;
  final BusType[] types;
  final double[] magnitude;
  /** Radians. */
  final double[] angle;
  final double[] scheduledP;
  final double[] scheduledQ;
  final double[] calculatedP;
  final double[] calculatedQ;
  private final int[] angleVariable;
  private final int[] magnitudeVariable;
  private final int[] busOrder;
  private int unknowns;

  PowerEquations(AdmittanceMatrix y, BusType[] types, double[] magnitude, double[] angle,
      double[] scheduledP, double[] scheduledQ) {
    int n = y.size();
    this.y = y;
    this.types = types;
    this.magnitude = magnitude;
    this.angle = angle;
    this.scheduledP = scheduledP;
    this.scheduledQ = scheduledQ;
    this.calculatedP = new double[n];
    this.calculatedQ = new double[n];
    this.angleVariable = new int[n];
    this.magnitudeVariable = new int[n];
    this.busOrder = BusOrdering.reverseCuthillMcKee(y);
    numberUnknowns();
  }

  /**
   * Assigns unknowns to buses in {@link BusOrdering} order, a bus's angle and magnitude next to each
   * other: the Jacobian then has the sparsity of the grid itself, in a narrow band, which keeps the
   * LU factors sparse (all angles first would couple every bus i to unknown n + i and fill the
   * factors in). Call again after a bus changes type.
   */
  void numberUnknowns() {
    int next = 0;
    for (int i : busOrder) {
      angleVariable[i] = types[i] == BusType.SLACK ? -1 : next++;
      magnitudeVariable[i] = types[i] == BusType.PQ ? next++ : -1;
    }
    unknowns = next;
  }

  int unknowns() {
    return unknowns;
  }

  void calculateInjections() {
    for (int i = 0; i < types.length; i++) {
      int[] columns = y.columns[i];
      double p = 0;
      double q = 0;
      for (int e = 0; e < columns.length; e++) {
        int k = columns[e];
        double g = y.conductance[i][e];
        double b = y.susceptance[i][e];
        double theta = angle[i] - angle[k];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        p += magnitude[k] * (g * cos + b * sin);
        q += magnitude[k] * (g * sin - b * cos);
      }
      calculatedP[i] = magnitude[i] * p;
      calculatedQ[i] = magnitude[i] * q;
    }
  }

  /** Scheduled minus calculated power at each equation; call after {@link #calculateInjections}. */
  DMatrixRMaj mismatch() {
    DMatrixRMaj f = new DMatrixRMaj(unknowns, 1);
    for (int i = 0; i < types.length; i++) {
      if (angleVariable[i] >= 0) {
        f.data[angleVariable[i]] = scheduledP[i] - calculatedP[i];
      }
      if (magnitudeVariable[i] >= 0) {
        f.data[magnitudeVariable[i]] = scheduledQ[i] - calculatedQ[i];
      }
    }
    return f;
  }

  /** The bus whose equation has the largest absolute mismatch in {@code f}. */
  int worstBus(DMatrixRMaj f) {
    int worst = 0;
    double largest = -1;
    for (int i = 0; i < types.length; i++) {
      double m = Math.max(mismatchAt(f, angleVariable[i]), mismatchAt(f, magnitudeVariable[i]));
      if (m > largest || Double.isNaN(m)) {
        largest = m;
        worst = i;
      }
    }
    return worst;
  }

  private static double mismatchAt(DMatrixRMaj f, int variable) {
    return variable < 0 ? 0 : Math.abs(f.data[variable]);
  }

  /** The Jacobian of the calculated injections at the current state. */
  DMatrixSparseCSC jacobian() {
    DMatrixSparseTriplet j = new DMatrixSparseTriplet(unknowns, unknowns, 4 * unknowns);
    for (int i = 0; i < types.length; i++) {
      int pRow = angleVariable[i];
      int qRow = magnitudeVariable[i];
      if (pRow < 0 && qRow < 0) {
        continue;
      }
      double vi = magnitude[i];
      int[] columns = y.columns[i];
      for (int e = 0; e < columns.length; e++) {
        int k = columns[e];
        double g = y.conductance[i][e];
        double b = y.susceptance[i][e];
        double dPdTheta;
        double dPdV;
        double dQdTheta;
        double dQdV;
        if (k == i) {
          dPdTheta = -calculatedQ[i] - b * vi * vi;
          dPdV = calculatedP[i] / vi + g * vi;
          dQdTheta = calculatedP[i] - g * vi * vi;
          dQdV = calculatedQ[i] / vi - b * vi;
        } else {
          double theta = angle[i] - angle[k];
          double inPhase = g * Math.cos(theta) + b * Math.sin(theta);
          double quadrature = g * Math.sin(theta) - b * Math.cos(theta);
          dPdTheta = vi * magnitude[k] * quadrature;
          dPdV = vi * inPhase;
          dQdTheta = -vi * magnitude[k] * inPhase;
          dQdV = vi * quadrature;
        }
        put(j, pRow, angleVariable[k], dPdTheta);
        put(j, pRow, magnitudeVariable[k], dPdV);
        put(j, qRow, angleVariable[k], dQdTheta);
        put(j, qRow, magnitudeVariable[k], dQdV);
      }
    }
    return DConvertMatrixStruct.convert(j, (DMatrixSparseCSC) null);
  }

  private static void put(DMatrixSparseTriplet j, int row, int column, double value) {
    if (row >= 0 && column >= 0) {
      j.addItem(row, column, value);
    }
  }

  /** Applies a Newton step {@code dx} (same order as the unknowns) to the state. */
  void apply(DMatrixRMaj dx) {
    for (int i = 0; i < types.length; i++) {
      if (angleVariable[i] >= 0) {
        angle[i] += dx.data[angleVariable[i]];
      }
      if (magnitudeVariable[i] >= 0) {
        magnitude[i] += dx.data[magnitudeVariable[i]];
      }
    }
  }
}
