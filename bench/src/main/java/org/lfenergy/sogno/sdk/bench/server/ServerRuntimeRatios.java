package org.lfenergy.sogno.sdk.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The server runtime benchmark in one run: requests per second of the runtime ÷ the bare handler's (goal
 * ≥ 0.85) from {@link InterleavedRounds} (alternating batches, median of the rounds' ratios: robust to
 * the load of a shared machine; and the same for CPU time per request, which load moves less), then {@link ServerRuntimeBenchmark} under JMH with {@code -prof gc} for
 * the bytes allocated per request on each side (and JMH's own req/s, sequential and so more exposed to
 * load drift). {@code BenchmarkMain -server-runtime} calls it; writes {@code <out>/server-runtime.md}.
 */
public final class ServerRuntimeRatios {
  private ServerRuntimeRatios() {}

  /** Runs the benchmark ({@code smoke}: one short iteration) and returns the Markdown table written. */
  public static String run(Path out, boolean smoke) throws RunnerException, IOException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(ServerRuntimeBenchmark.class.getName())
        .addProfiler(GCProfiler.class);
    if (smoke) {
      options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(1).measurementTime(TimeValue.seconds(1));
    }
    InterleavedRounds.Figures[] interleaved = smoke ? InterleavedRounds.measure(2, 5, 20)
        : InterleavedRounds.measure(20, 101, 200);
    Collection<RunResult> results = new Runner(options.build()).run();
    StringBuilder table = new StringBuilder("| call | ratio, median of rounds (lowest–highest) (goal ≥ 0.85) "
        + "| runtime req/s | bare Javalin req/s | CPU ratio, median of rounds | runtime µs CPU/req | bare µs CPU/req "
        + "| JMH ratio | runtime B/req | bare B/req |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    String[] calls = {"Post", "Get"};
    for (int i = 0; i < calls.length; i++) {
      InterleavedRounds.Figures figures = interleaved[i];
      double jmh = score(results, "runtime" + calls[i]) / score(results, "bare" + calls[i]);
      table.append(String.format(Locale.ROOT,
          "| %s | **%.2f** (%.2f–%.2f) | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f |%n",
          InterleavedRounds.calls().get(i), figures.medianRatio(), figures.lowestRatio(), figures.highestRatio(),
          figures.runtimePerSecond(), figures.barePerSecond(), figures.medianCpuRatio(), figures.runtimeCpuMicros(),
          figures.bareCpuMicros(), jmh,
          allocation(results, "runtime" + calls[i]), allocation(results, "bare" + calls[i])));
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("server-runtime.md"), table, StandardCharsets.UTF_8);
    System.out.println(table);
    return table.toString();
  }

  private static RunResult result(Collection<RunResult> results, String method) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + method));
  }

  private static double score(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScore();
  }

  private static double allocation(Collection<RunResult> results, String method) {
    var secondary = result(results, method).getSecondaryResults().get("gc.alloc.rate.norm");
    return secondary == null ? Double.NaN : secondary.getScore();
  }
}
