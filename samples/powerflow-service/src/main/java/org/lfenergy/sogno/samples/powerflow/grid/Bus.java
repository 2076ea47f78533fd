package org.lfenergy.sogno.samples.powerflow.grid;

import static org.lfenergy.sogno.samples.powerflow.grid.Checks.requireFinite;
import static org.lfenergy.sogno.samples.powerflow.grid.Checks.requirePositive;

import java.util.Objects;

/**
 * A bus (node) of a grid, in engineering units: powers in MW and MVAr, voltages in per unit of the
 * bus's nominal voltage, angles in degrees.
 *
 * <p>Shunts follow the MATPOWER convention: {@code shuntConductanceMw} is the active power the shunt
 * consumes and {@code shuntSusceptanceMvar} the reactive power it injects, both at 1.0 p.u. voltage.
 * Reactive limits apply to generation at PV buses and are infinite unless given.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(int, BusType)}, which rejects non-finite
 * values, a non-positive voltage set-point and inverted reactive limits with an
 * {@link IllegalArgumentException}.
 */
public record Bus(
    int number,
    String name,
    BusType type,
    double loadMw,
    double loadMvar,
    double generationMw,
    double generationMvar,
    double voltageSetpointPu,
    double angleSetpointDeg,
    double minReactiveMvar,
    double maxReactiveMvar,
    double shuntConductanceMw,
    double shuntSusceptanceMvar) {

  public Bus {
    Objects.requireNonNull(type, "type");
    name = name == null ? "" : name;
    requireFinite(loadMw, "loadMw");
    requireFinite(loadMvar, "loadMvar");
    requireFinite(generationMw, "generationMw");
    requireFinite(generationMvar, "generationMvar");
    requirePositive(voltageSetpointPu, "voltageSetpointPu");
    requireFinite(angleSetpointDeg, "angleSetpointDeg");
    requireFinite(shuntConductanceMw, "shuntConductanceMw");
    requireFinite(shuntSusceptanceMvar, "shuntSusceptanceMvar");
    if (Double.isNaN(minReactiveMvar) || Double.isNaN(maxReactiveMvar)
        || minReactiveMvar > maxReactiveMvar) {
      throw new IllegalArgumentException("reactive limits must satisfy min <= max, got ["
          + minReactiveMvar + ", " + maxReactiveMvar + "]");
    }
  }

  /** Starts a bus with no load, no generation, a 1.0 p.u. set-point and unlimited reactive power. */
  public static Builder builder(int number, BusType type) {
    return new Builder(number, type);
  }

  /** Net active power the bus schedules into the grid, in MW (generation minus load). */
  public double scheduledInjectionMw() {
    return generationMw - loadMw;
  }

  /** Net reactive power the bus schedules into the grid, in MVAr (generation minus load). */
  public double scheduledInjectionMvar() {
    return generationMvar - loadMvar;
  }

  /** Builds a {@link Bus}; not thread-safe. */
  public static final class Builder {
    private final int number;
    private final BusType type;
    private String name = "";
    private double loadMw;
    private double loadMvar;
    private double generationMw;
    private double generationMvar;
    private double voltageSetpointPu = 1.0;
    private double angleSetpointDeg;
    private double minReactiveMvar = Double.NEGATIVE_INFINITY;
    private double maxReactiveMvar = Double.POSITIVE_INFINITY;
    private double shuntConductanceMw;
    private double shuntSusceptanceMvar;

    private Builder(int number, BusType type) {
      this.number = number;
      this.type = type;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder load(double mw, double mvar) {
      this.loadMw = mw;
      this.loadMvar = mvar;
      return this;
    }

    public Builder generation(double mw, double mvar) {
      this.generationMw = mw;
      this.generationMvar = mvar;
      return this;
    }

    public Builder voltageSetpoint(double pu) {
      this.voltageSetpointPu = pu;
      return this;
    }

    public Builder angleSetpoint(double degrees) {
      this.angleSetpointDeg = degrees;
      return this;
    }

    public Builder reactiveLimits(double minMvar, double maxMvar) {
      this.minReactiveMvar = minMvar;
      this.maxReactiveMvar = maxMvar;
      return this;
    }

    public Builder shunt(double conductanceMw, double susceptanceMvar) {
      this.shuntConductanceMw = conductanceMw;
      this.shuntSusceptanceMvar = susceptanceMvar;
      return this;
    }

    public Bus build() {
      return new Bus(number, name, type, loadMw, loadMvar, generationMw, generationMvar,
          voltageSetpointPu, angleSetpointDeg, minReactiveMvar, maxReactiveMvar,
          shuntConductanceMw, shuntSusceptanceMvar);
    }
  }
}
