package org.lfenergy.sogno.sdk.bench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs P1 and P2 as paired rounds: for each call, round after round, every client gets one short JMH
 * fork (with {@code -prof gc}), in an order that rotates each round. The clients of a round thus see
 * nearly the same machine load, which a plain JMH run (all forks of one benchmark, then the next) does
 * not give on a shared, busy machine.
 */
public final class HttpRounds {
  private final int rounds;
  private final int warmupSeconds;
  private final int measurementSeconds;

  private HttpRounds(int rounds, int warmupSeconds, int measurementSeconds) {
    this.rounds = rounds;
    this.warmupSeconds = warmupSeconds;
    this.measurementSeconds = measurementSeconds;
  }

  /**
   * 4 rounds; per fork 8 × 1 s warm-up and 4 × 1 s measurement. The SDK's longer pipeline (interceptors,
   * Resilience4j, more Jackson) needs the long warm-up on a busy machine: with 3 s it was still being
   * compiled while measured and came out at a quarter of its warm throughput.
   */
  public static HttpRounds standard() {
    return new HttpRounds(4, 8, 4);
  }

  /** One round of 1 s + 1 s per fork: proves it runs. */
  public static HttpRounds smoke() {
    return new HttpRounds(1, 1, 1);
  }

  /** Runs every round of every call. */
  public HttpRatios run() throws RunnerException {
    HttpRatios ratios = new HttpRatios();
    List<String> clients = new ArrayList<>(HttpRatios.CLIENTS.keySet());
    for (String call : HttpRatios.CALLS) {
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < clients.size(); i++) {
          String client = clients.get((i + round) % clients.size());
          RunResult result = measure(client, call);
          ratios.add(client, call, result);
          System.out.printf(Locale.ROOT, "%s round %d: %-26s %,10.0f ops/s%n", call, round + 1, client,
              result.getPrimaryResult().getScore());
        }
      }
    }
    return ratios;
  }

  private RunResult measure(String client, String call) throws RunnerException {
    String benchmark = HttpRounds.class.getPackageName().replace(".", "\\.") + "\\." + client + "\\." + call + "$";
    return new Runner(new OptionsBuilder()
        .include(benchmark)
        .forks(1)
        .warmupIterations(warmupSeconds).warmupTime(TimeValue.seconds(1))
        .measurementIterations(measurementSeconds).measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .verbosity(VerboseMode.SILENT)
        .build()).runSingle();
  }
}
