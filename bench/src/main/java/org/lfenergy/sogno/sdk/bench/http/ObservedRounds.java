package org.lfenergy.sogno.sdk.bench.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The cost of observability on P1's small calls, measured so that a noisy machine cannot decide it: one
 * Jetty server, three clients ({@code off}, {@code noop}, {@code recording}, as {@link
 * ObservedClientBenchmark} configures them) called in alternating batches, each round timing one batch
 * of each client per call in a rotated order. The figure per client is the median over the rounds of
 * its throughput ÷ {@code off}'s in the same round.
 *
 * <p>Run: {@code java -cp bench/target/classes:<class path> org.lfenergy.sogno.sdk.bench.http.ObservedRounds
 * [rounds] [batch]} (defaults 101 rounds of 500 calls after 20 unmeasured rounds).
 */
public final class ObservedRounds {
  private static final String[] MODES = {"off", "noop", "recording"};
  private static final String[] CALLS = {"getSmall", "postSmall"};

  private ObservedRounds() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int warmupRounds = 20;
    try (MeterReadingServer server = MeterReadingServer.start()) {
      ObservedClientBenchmark[] clients = new ObservedClientBenchmark[MODES.length];
      Callable<?>[][] calls = new Callable<?>[CALLS.length][MODES.length];
      for (int mode = 0; mode < MODES.length; mode++) {
        clients[mode] = new ObservedClientBenchmark();
        clients[mode].observability = MODES[mode];
        HttpClientBenchmark.Calls connected = clients[mode].connect(server.baseUrl());
        for (int call = 0; call < CALLS.length; call++) {
          calls[call][mode] = connected.named(CALLS[call]);
        }
      }
      try {
        double[][][] ratios = new double[CALLS.length][MODES.length][rounds];
        for (int round = 0; round < warmupRounds + rounds; round++) {
          for (int call = 0; call < CALLS.length; call++) {
            long[] nanos = new long[MODES.length];
            for (int k = 0; k < MODES.length; k++) {
              int mode = (k + round) % MODES.length;
              long start = System.nanoTime();
              for (int i = 0; i < batch; i++) {
                calls[call][mode].call();
              }
              nanos[mode] = System.nanoTime() - start;
            }
            if (round >= warmupRounds) {
              for (int mode = 0; mode < MODES.length; mode++) {
                ratios[call][mode][round - warmupRounds] = (double) nanos[0] / nanos[mode];
              }
            }
          }
        }
        System.out.println("| call | noop ÷ off, median of rounds (lowest–highest) | recording ÷ off, median (lowest–highest) |");
        System.out.println("|---|---|---|");
        for (int call = 0; call < CALLS.length; call++) {
          System.out.println("| " + CALLS[call] + " | " + median(ratios[call][1]) + " | " + median(ratios[call][2]) + " |");
        }
      } finally {
        for (ObservedClientBenchmark client : clients) {
          client.disconnect();
        }
      }
    }
  }

  private static String median(double[] ratios) {
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "**%.3f** (%.2f–%.2f)", sorted[sorted.length / 2], sorted[0],
        sorted[sorted.length - 1]);
  }
}
