package org.lfenergy.sogno.samples.powerflow.solver;

import org.lfenergy.sogno.samples.powerflow.grid.BusType;

/**
 * A bus in the solved grid. Injections are what the bus puts into the network (generation minus
 * load; shunts count as part of the network); generation is injection plus load, so for the slack bus
 * it includes the losses and for PV buses it is the reactive power the voltage set-point needs.
 *
 * @param type the type the bus was given (a PV bus held at a reactive limit stays {@code PV} here
 *     and has {@code atReactiveLimit} set)
 */
public record BusState(
    int number,
    String name,
    BusType type,
    boolean atReactiveLimit,
    double voltagePu,
    double angleDeg,
    double injectionMw,
    double injectionMvar,
    double generationMw,
    double generationMvar) {}
