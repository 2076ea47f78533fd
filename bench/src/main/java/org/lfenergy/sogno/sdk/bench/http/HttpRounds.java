package org.lfenergy.sogno.sdk.bench.http;

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
  private int rounds;
  private final int warmUpCalls;
  private final int warmupSeconds;
  private final int measurementSeconds;
  private List<String> calls = HttpRatios.CALLS;
  private List<String> clients = List.copyOf(HttpRatios.CLIENTS.keySet());

  private HttpRounds(int rounds, int warmUpCalls, int warmupSeconds, int measurementSeconds) {
    this.rounds = rounds;
    this.warmUpCalls = warmUpCalls;
    this.warmupSeconds = warmupSeconds;
    this.measurementSeconds = measurementSeconds;
  }

  /**
   * 5 rounds; per fork 10,000 calls (1,000 for the large bodies, see {@code HttpClientBenchmark}), then
   * 5 × 1 s timed warm-up and 5 × 1 s measurement. Profiled forks with 3 × 1 s of warm-up still had the
   * JIT compiler busy while measuring, more so for the client with the longer code path.
   */
  public static HttpRounds standard() {
    return new HttpRounds(5, 10_000, 5, 5);
  }

  /** One round of 100 calls, 1 s + 1 s per fork: proves it runs. */
  public static HttpRounds smoke() {
    return new HttpRounds(1, 100, 1, 1);
  }

  /** Only these calls ({@code getSmall}, {@code getLarge}, {@code postSmall}, {@code postLarge}). */
  public HttpRounds only(List<String> calls) {
    this.calls = List.copyOf(calls);
    return this;
  }

  /** This many rounds instead. */
  public HttpRounds rounds(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
    }
    this.rounds = rounds;
    return this;
  }

  /**
   * Only the SDK and these alternatives ({@code raw}, {@code raw-headers}, {@code okhttp-gson}, {@code native}).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public HttpRounds against(List<String> alternatives) {
    this.clients = HttpRatios.sdkAnd(alternatives);
    return this;
  }

  /** Runs every round of every call. */
  public HttpRatios run() throws RunnerException {
    HttpRatios ratios = new HttpRatios();
    for (String call : calls) {
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
        .jvmArgsAppend("-Xms512m", "-Xmx512m", "-Dbench.warmUpCalls=" + warmUpCalls,
            MeterReadingServer.jvmOption(),
            "-Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=warn")
        .verbosity(VerboseMode.SILENT)
        .build()).runSingle();
  }
}
