package org.lfenergy.sogno.samples.powerflow.solver;

/**
 * Power flowing into a branch at each end, in MW and MVAr; a negative value flows out of the branch
 * into that bus. The sum of both ends is what the branch consumes: its losses (reactive losses net of
 * the line charging it produces).
 */
public record BranchFlow(
    int fromBus, int toBus, double fromMw, double fromMvar, double toMw, double toMvar) {

  public double lossMw() {
    return fromMw + toMw;
  }

  public double lossMvar() {
    return fromMvar + toMvar;
  }
}
