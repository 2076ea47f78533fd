package org.lfenergy.sogno.sdk.bench.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Requests per second of the runtime and the bare handler measured in alternating batches, so both
 * sides sample the same moments of a shared, noisy machine: each round times one batch of each of the
 * four calls (in a rotated order) and yields a runtime ÷ bare ratio per call; the result is the median
 * of the rounds. One client thread, sequential requests over kept-alive loopback connections.
 */
final class InterleavedRounds {
  private static final String[] CALLS = {"runtimePost", "barePost", "runtimeGet", "bareGet"};

  /** Per call ({@code Post}, {@code Get}): the median ratio, its lowest and highest, and req/s of each side. */
  record Figures(double medianRatio, double lowestRatio, double highestRatio, double runtimePerSecond,
      double barePerSecond) {}

  private InterleavedRounds() {}

  /** Runs {@code warmupRounds} unmeasured, then {@code rounds} measured rounds of {@code batch} calls each. */
  static Figures[] measure(int warmupRounds, int rounds, int batch) throws IOException {
    ServerRuntimeBenchmark servers = new ServerRuntimeBenchmark();
    servers.start();
    try {
      long[] nanos = new long[CALLS.length];
      double[][] ratios = new double[2][rounds];
      for (int round = 0; round < warmupRounds + rounds; round++) {
        long[] roundNanos = new long[CALLS.length];
        for (int k = 0; k < CALLS.length; k++) {
          int call = (k + round) % CALLS.length;
          long start = System.nanoTime();
          for (int i = 0; i < batch; i++) {
            invoke(servers, call);
          }
          roundNanos[call] = System.nanoTime() - start;
        }
        if (round >= warmupRounds) {
          for (int call = 0; call < CALLS.length; call++) {
            nanos[call] += roundNanos[call];
          }
          ratios[0][round - warmupRounds] = (double) roundNanos[1] / roundNanos[0];
          ratios[1][round - warmupRounds] = (double) roundNanos[3] / roundNanos[2];
        }
      }
      double calls = (double) rounds * batch * 1e9;
      return new Figures[] {
          figures(ratios[0], calls / nanos[0], calls / nanos[1]),
          figures(ratios[1], calls / nanos[2], calls / nanos[3])};
    } finally {
      servers.stop();
    }
  }

  private static Figures figures(double[] ratios, double runtime, double bare) {
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    return new Figures(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], runtime, bare);
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
