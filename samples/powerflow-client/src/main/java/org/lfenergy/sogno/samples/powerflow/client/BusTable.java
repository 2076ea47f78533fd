package org.lfenergy.sogno.samples.powerflow.client;

import java.util.Locale;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;

/**
 * The per-bus table of a power-flow result: bus number, |V| in p.u., angle in degrees, net injected
 * P (MW) and Q (MVAr), then iterations and losses. Stateless.
 */
public final class BusTable {
  private static final String ROW = "%5s %10s %10s %10s %10s%n";

  private BusTable() {
  }

  /** The table, one line per bus in the result's order, ending with a newline. */
  public static String format(PowerFlowResult result) {
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, ROW, "bus", "|V| p.u.", "angle deg", "P MW", "Q MVAr"));
    for (BusResult bus : result.getBuses()) {
      table.append(String.format(Locale.ROOT, "%5d %10.4f %10.3f %10.2f %10.2f%n", bus.getNumber(),
          bus.getVoltagePu(), bus.getAngleDeg(), bus.getInjectionMw(), bus.getInjectionMvar()));
    }
    table.append(String.format(Locale.ROOT, "converged: %s after %d iteration(s); losses %.3f MW, %.3f MVAr%n",
        result.getConverged(), result.getIterations(), result.getLosses().getMw(),
        result.getLosses().getMvar()));
    return table.toString();
  }
}
