package org.lfenergy.sogno.sdk.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Requests per second of the runtime and the bare handler measured in alternating batches, so both
 * sides sample the same moments of a shared, noisy machine: each round times one batch of each of the
 * four calls (in a rotated order) and yields a runtime ÷ bare ratio per call; the result is the median
 * of the rounds. One client thread, sequential requests over kept-alive loopback connections.
 *
 * <p>Each batch's CPU time is taken too, summed over the JVM's Java threads (the client and both
 * servers' threads; not GC or the JIT compiler, which the JVM does not count per thread: allocation is
 * reported apart): bare CPU per request ÷ runtime CPU per request is the throughput ratio a machine
 * with a free core for each thread would show, and it moves much less with other processes' load than
 * the wall-clock ratio, which counts the time a thread waits for a core.
 */
final class InterleavedRounds {
  private static final String[] CALLS = {"runtimePost", "barePost", "runtimeGet", "bareGet"};

  /**
   * Per call ({@code Post}, {@code Get}): the median ratio, its lowest and highest, and req/s of each
   * side; the median of the rounds' CPU ratios (bare CPU ÷ runtime CPU per request) and each side's
   * CPU microseconds per request.
   */
  record Figures(double medianRatio, double lowestRatio, double highestRatio, double runtimePerSecond,
      double barePerSecond, double medianCpuRatio, double runtimeCpuMicros, double bareCpuMicros) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private InterleavedRounds() {}

  /** Runs {@code warmupRounds} unmeasured, then {@code rounds} measured rounds of {@code batch} calls each. */
  static Figures[] measure(int warmupRounds, int rounds, int batch) throws IOException {
    ServerRuntimeBenchmark servers = new ServerRuntimeBenchmark();
    servers.start();
    try {
      long[] nanos = new long[CALLS.length];
      long[] cpu = new long[CALLS.length];
      double[][] ratios = new double[2][rounds];
      double[][] cpuRatios = new double[2][rounds];
      for (int round = 0; round < warmupRounds + rounds; round++) {
        long[] roundNanos = new long[CALLS.length];
        long[] roundCpu = new long[CALLS.length];
        for (int k = 0; k < CALLS.length; k++) {
          int call = (k + round) % CALLS.length;
          long cpuStart = javaThreadsCpu();
          long start = System.nanoTime();
          for (int i = 0; i < batch; i++) {
            invoke(servers, call);
          }
          roundNanos[call] = System.nanoTime() - start;
          roundCpu[call] = javaThreadsCpu() - cpuStart;
        }
        if (round >= warmupRounds) {
          for (int call = 0; call < CALLS.length; call++) {
            nanos[call] += roundNanos[call];
            cpu[call] += roundCpu[call];
          }
          for (int side = 0; side < 2; side++) {
            ratios[side][round - warmupRounds] = (double) roundNanos[2 * side + 1] / roundNanos[2 * side];
            cpuRatios[side][round - warmupRounds] = (double) roundCpu[2 * side + 1] / Math.max(1, roundCpu[2 * side]);
          }
        }
      }
      double calls = (double) rounds * batch;
      Figures[] figures = new Figures[2];
      for (int side = 0; side < 2; side++) {
        double[] wall = sorted(ratios[side]);
        figures[side] = new Figures(wall[wall.length / 2], wall[0], wall[wall.length - 1],
            calls * 1e9 / nanos[2 * side], calls * 1e9 / nanos[2 * side + 1], sorted(cpuRatios[side])[rounds / 2],
            cpu[2 * side] / calls / 1e3, cpu[2 * side + 1] / calls / 1e3);
      }
      return figures;
    } finally {
      servers.stop();
    }
  }

  /** CPU nanoseconds used so far by the JVM's live Java threads (per-thread clocks: nanosecond resolution). */
  private static long javaThreadsCpu() {
    long sum = 0;
    for (long nanos : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
      sum += Math.max(0, nanos);
    }
    return sum;
  }

  private static double[] sorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  private static void invoke(ServerRuntimeBenchmark servers, int call) throws IOException {
    switch (call) {
      case 0 -> servers.runtimePost();
      case 1 -> servers.barePost();
      case 2 -> servers.runtimeGet();
      default -> servers.bareGet();
    }
  }

  /** The call names, in the order {@link #measure} reports them. */
  static List<String> calls() {
    return new ArrayList<>(List.of("small POST", "small GET"));
  }
}
