package org.lfenergy.sogno.samples.powerflow.grid;

/**
 * What a bus holds fixed during a power flow, and so which of its quantities the solver finds.
 *
 * <ul>
 *   <li>{@link #SLACK}: voltage magnitude and angle are fixed; the solver finds P and Q. It balances
 *       the losses, so a grid has exactly one.
 *   <li>{@link #PV}: active power and voltage magnitude are fixed (a generator with voltage control);
 *       the solver finds the angle and Q.
 *   <li>{@link #PQ}: active and reactive power are fixed (a load); the solver finds magnitude and angle.
 * </ul>
 */
public enum BusType {
  SLACK,
  PV,
  PQ
}
