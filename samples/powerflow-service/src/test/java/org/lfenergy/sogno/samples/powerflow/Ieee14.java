package org.lfenergy.sogno.samples.powerflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** The shipped IEEE 14-bus example and its published solution, for tests. */
public final class Ieee14 {
  /** A bus of the published solution. */
  public record PublishedBus(int number, double voltagePu, double angleDeg) {}

  private Ieee14() {}

  /** The example request body, as shipped in {@code examples/ieee14.json}. */
  public static byte[] requestBody() {
    return resource("/examples/ieee14.json");
  }

  /** The example request body parsed into plain, mutable JSON values. */
  public static Object requestTree() {
    return SognoJson.defaults().readUntyped(requestBody());
  }

  /**
   * A body as plain JSON values, bound to the spec's model as the server runtime binds it and mapped
   * to the solver's request (for bodies the runtime would accept).
   */
  public static org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest toDomain(Object tree) {
    SognoJson json = SognoJson.defaults();
    return org.lfenergy.sogno.samples.powerflow.api.GridMapping.toDomain(json.read(json.write(tree),
        org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowRequest.class));
  }

  /** Vm/Va of the IEEE CDF file for the case (see {@code examples/ieee14.SOURCE.md}). */
  public static List<PublishedBus> publishedSolution() {
    String csv = new String(resource("/ieee14-published-solution.csv"), StandardCharsets.UTF_8);
    return csv.lines()
        .skip(1)
        .map(line -> line.split(","))
        .map(f -> new PublishedBus(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
            Double.parseDouble(f[2])))
        .toList();
  }

  private static byte[] resource(String name) {
    try (InputStream in = Ieee14.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
