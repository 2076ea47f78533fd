package org.lfenergy.sogno.samples.powerflow.api;

import java.util.Map;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;

/** Reads one element of {@code grid.buses}. */
final class BusReader {
  private static final Map<String, BusType> TYPES =
      Map.of("slack", BusType.SLACK, "pv", BusType.PV, "pq", BusType.PQ);
  private static final Double ZERO = 0.0;

  private BusReader() {}

  static Bus read(JsonObjectReader bus) {
    Integer number = bus.integer("number", null, Integer.MIN_VALUE, Integer.MAX_VALUE);
    String name = bus.string("name");
    BusType type = bus.choice("type", TYPES);
    boolean controlsVoltage = type == BusType.SLACK || type == BusType.PV;
    Double[] values = {
        bus.number("loadMw", ZERO),
        bus.number("loadMvar", ZERO),
        bus.number("generationMw", ZERO),
        bus.number("generationMvar", ZERO),
        bus.positiveNumber("voltageSetpointPu", controlsVoltage ? null : 1.0),
        bus.number("angleSetpointDeg", ZERO),
        bus.number("minReactiveMvar", Double.NEGATIVE_INFINITY),
        bus.number("maxReactiveMvar", Double.POSITIVE_INFINITY),
        bus.number("shuntConductanceMw", ZERO),
        bus.number("shuntSusceptanceMvar", ZERO)};
    for (Double value : values) {
      if (value == null) {
        return null;
      }
    }
    if (number == null || type == null) {
      return null;
    }
    if (values[6] > values[7]) {
      bus.malformed("minReactiveMvar", "inverted-limits",
          "must not exceed maxReactiveMvar (" + values[7] + "), got " + values[6]);
      return null;
    }
    return Bus.builder(number, type)
        .name(name)
        .load(values[0], values[1])
        .generation(values[2], values[3])
        .voltageSetpoint(values[4])
        .angleSetpoint(values[5])
        .reactiveLimits(values[6], values[7])
        .shunt(values[8], values[9])
        .build();
  }
}
