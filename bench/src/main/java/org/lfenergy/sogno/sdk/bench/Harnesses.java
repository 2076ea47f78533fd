package org.lfenergy.sogno.sdk.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks that are plain programs rather than JMH benchmarks (a broker or an HTTP service in
 * the loop): each runs in its own JVM on this JVM's class path, one after the other, its output passed
 * through. One that is not on the class path (not written yet) is reported and skipped.
 */
final class Harnesses {
  private record Harness(String mainClass, List<String> arguments, List<String> smokeArguments) {}

  private static final List<Harness> ALL = List.of(
      new Harness("org.lfenergy.sogno.sdk.bench.http.CallCpuHarness", List.of("-rounds", "3"), List.of("-smoke")),
      new Harness("org.lfenergy.sogno.sdk.bench.async.CompletionLatencyHarness", List.of("200", "20"), List.of("10", "5")),
      new Harness("org.lfenergy.sogno.sdk.bench.kafka.KafkaBenchmark", List.of("-events", "200000", "-rounds", "9"),
          List.of("-smoke")),
      new Harness("org.lfenergy.sogno.sdk.bench.distributed.DistributedJobsBench", List.of("-jobs", "5000"),
          List.of("-smoke")),
      new Harness("org.lfenergy.sogno.sdk.bench.durable.DurableJobsBench", List.of("1000", "3", "10000"),
          List.of("20", "1", "50")));

  private Harnesses() {}

  /** Runs every harness; returns one line per harness saying how it ended. */
  static List<String> runAll(boolean smoke) throws IOException, InterruptedException {
    List<String> outcomes = new ArrayList<>();
    for (Harness harness : ALL) {
      outcomes.add(run(harness, smoke ? harness.smokeArguments() : harness.arguments()));
    }
    return outcomes;
  }

  private static String run(Harness harness, List<String> arguments) throws IOException, InterruptedException {
    try {
      Class.forName(harness.mainClass(), false, Harnesses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return harness.mainClass() + ": not measured yet (no such harness on the class path)";
    }
    List<String> command = ChildJvm.command(List.of(
        "-Dsun.net.httpserver.nodelay=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), // Kafka clients log every configuration at INFO
        harness.mainClass(), arguments);
    System.out.println("\n# Harness " + harness.mainClass() + " " + String.join(" ", arguments));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    return harness.mainClass() + " " + String.join(" ", arguments) + ": " + (exit == 0 ? "ran" : "FAILED, exit " + exit);
  }
}
