package org.lfenergy.sogno.samples.powerflow.grid;

import static org.lfenergy.sogno.samples.powerflow.grid.Checks.requireFinite;
import static org.lfenergy.sogno.samples.powerflow.grid.Checks.requirePositive;

/**
 * A line or transformer between two buses, in the standard π model with the ideal transformer at the
 * from end: series resistance {@code r} and reactance {@code x}, total line charging susceptance
 * {@code b}, all in per unit on the grid's base MVA; off-nominal {@code tapRatio} (1.0 for a line)
 * and {@code phaseShiftDeg}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(int, int)}. The builder rejects
 * non-finite values, a non-positive tap ratio, a branch from a bus to itself and a zero series
 * impedance (which has no admittance) with an {@link IllegalArgumentException}.
 */
public record Branch(
    int fromBus, int toBus, double r, double x, double b, double tapRatio, double phaseShiftDeg) {

  public Branch {
    if (fromBus == toBus) {
      throw new IllegalArgumentException("a branch must join two different buses, got " + fromBus);
    }
    requireFinite(r, "r");
    requireFinite(x, "x");
    requireFinite(b, "b");
    requirePositive(tapRatio, "tapRatio");
    requireFinite(phaseShiftDeg, "phaseShiftDeg");
    if (r == 0 && x == 0) {
      throw new IllegalArgumentException(
          "branch " + fromBus + "-" + toBus + " has zero impedance (r = x = 0)");
    }
  }

  public static Builder builder(int fromBus, int toBus) {
    return new Builder(fromBus, toBus);
  }

  /** Builds a {@link Branch}; not thread-safe. Charging, phase shift default to 0, tap ratio to 1. */
  public static final class Builder {
    private final int fromBus;
    private final int toBus;
    private double r;
    private double x;
    private double b;
    private double tapRatio = 1.0;
    private double phaseShiftDeg;

    private Builder(int fromBus, int toBus) {
      this.fromBus = fromBus;
      this.toBus = toBus;
    }

    public Builder impedance(double r, double x) {
      this.r = r;
      this.x = x;
      return this;
    }

    public Builder charging(double b) {
      this.b = b;
      return this;
    }

    public Builder tap(double ratio, double phaseShiftDeg) {
      this.tapRatio = ratio;
      this.phaseShiftDeg = phaseShiftDeg;
      return this;
    }

    public Branch build() {
      return new Branch(fromBus, toBus, r, x, b, tapRatio, phaseShiftDeg);
    }
  }
}
