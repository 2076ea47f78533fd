package org.lfenergy.sogno.sdk.bench.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.lfenergy.sogno.sdk.bench.Medians;
import org.openjdk.jmh.results.RunResult;

/**
 * Collects the P1 and P2 measurements, taken in paired rounds ({@link HttpRounds}), and turns them into
 * tables: per call, the median over rounds of SDK throughput ÷ each alternative's throughput in the
 * same round (with the lowest and highest round), and bytes allocated per call ({@code -prof gc}).
 * Pairing by round keeps the machine's changing load out of the ratios.
 */
public final class HttpRatios {
  static final Map<String, String> CLIENTS = new LinkedHashMap<>();

  static {
    CLIENTS.put(SognoClientBenchmark.class.getSimpleName(), "SDK (sogno-java)");
    CLIENTS.put(RawOkHttpBenchmark.class.getSimpleName(), "raw OkHttp + Jackson");
    CLIENTS.put(StockOkHttpGsonBenchmark.class.getSimpleName(), "stock okhttp-gson");
    CLIENTS.put(StockNativeBenchmark.class.getSimpleName(), "stock native");
    CLIENTS.put(RawOkHttpSdkHeadersBenchmark.class.getSimpleName(), "raw + the SDK's headers");
  }

  static final List<String> CALLS = List.of("getSmall", "getLarge", "postSmall", "postLarge");
  static final String SDK = SognoClientBenchmark.class.getSimpleName();
  /** The alternatives by their short names on the command line. */
  static final Map<String, String> ALTERNATIVES = Map.of(
      "raw", RawOkHttpBenchmark.class.getSimpleName(),
      "okhttp-gson", StockOkHttpGsonBenchmark.class.getSimpleName(),
      "native", StockNativeBenchmark.class.getSimpleName(),
      "raw-headers", RawOkHttpSdkHeadersBenchmark.class.getSimpleName());
  /**
   * The SDK's benchmark class followed by those of {@code alternatives}, named as on the command line.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  static List<String> sdkAnd(List<String> alternatives) {
    List<String> clients = new ArrayList<>(List.of(SDK));
    for (String alternative : alternatives) {
      String client = ALTERNATIVES.get(alternative);
      if (client == null) {
        throw new IllegalArgumentException("unknown client " + alternative + "; known: " + ALTERNATIVES.keySet());
      }
      clients.add(client);
    }
    return List.copyOf(clients);
  }

  /** Clients shown for explanation, without a goal. */
  private static final String CONTROL = RawOkHttpSdkHeadersBenchmark.class.getSimpleName();
  private static final Map<String, Double> GOALS = Map.of(
      RawOkHttpBenchmark.class.getSimpleName(), 0.95,
      StockOkHttpGsonBenchmark.class.getSimpleName(), 1.0,
      StockNativeBenchmark.class.getSimpleName(), 1.0);

  /** "Client.call" → one result per round, in round order. */
  private final Map<String, List<RunResult>> rounds = new LinkedHashMap<>();

  /** Records {@code client}'s result for {@code call} in the next round. */
  void add(String client, String call, RunResult result) {
    rounds.computeIfAbsent(client + "." + call, key -> new ArrayList<>()).add(result);
  }

  /** Markdown: the ratio table, then throughput and allocation. */
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    ratioTable(md, SDK, "SDK");
    md.append("\nMedian over rounds: throughput (ops/s) / bytes allocated per call\n\n| call |");
    CLIENTS.values().forEach(name -> md.append(' ').append(name).append(" |"));
    md.append("\n|---|").append("---:|".repeat(CLIENTS.size())).append('\n');
    for (String call : CALLS) {
      md.append("| ").append(call).append(" |");
      for (String client : CLIENTS.keySet()) {
        List<RunResult> results = rounds.getOrDefault(client + "." + call, List.of());
        md.append(results.isEmpty() ? " – |" : String.format(Locale.ROOT, " %,.0f / %,.0f B |",
            median(results, HttpRatios::opsPerSecond), median(results, HttpRatios::bytesPerCall)));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private void ratioTable(StringBuilder md, String mine, String label) {
    List<String> others = CLIENTS.keySet().stream().filter(client -> !client.equals(mine)).toList();
    md.append("| call |");
    others.forEach(other -> md.append(' ').append(label).append(" ÷ ").append(CLIENTS.get(other))
        .append(other.equals(CONTROL) ? " (control)" : " (goal ≥ " + GOALS.get(other) + ")").append(" |"));
    md.append("\n|---|").append("---:|".repeat(others.size())).append('\n');
    for (String call : CALLS) {
      md.append("| ").append(call).append(" |");
      others.forEach(other -> md.append(' ').append(ratio(call, mine, other)).append(" |"));
      md.append('\n');
    }
  }

  /** Every round: {@code client,call,round,opsPerSecond,bytesPerCall}. */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("client,call,round,opsPerSecond,bytesPerCall\n");
    rounds.forEach((key, results) -> {
      for (int round = 0; round < results.size(); round++) {
        csv.append(key.replace('.', ',')).append(',').append(round + 1).append(String.format(Locale.ROOT,
            ",%.1f,%.0f%n", opsPerSecond(results.get(round)), bytesPerCall(results.get(round))));
      }
    });
    return csv.toString();
  }

  private String ratio(String call, String mine, String other) {
    List<RunResult> sdk = rounds.getOrDefault(mine + "." + call, List.of());
    List<RunResult> theirs = rounds.getOrDefault(other + "." + call, List.of());
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < Math.min(sdk.size(), theirs.size()); round++) {
      ratios.add(opsPerSecond(sdk.get(round)) / opsPerSecond(theirs.get(round)));
    }
    if (ratios.isEmpty()) {
      return "–";
    }
    double median = Medians.of(ratios);
    return String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f) %s", median, ratios.stream().min(Double::compare).get(),
        ratios.stream().max(Double::compare).get(),
        other.equals(CONTROL) ? "" : median >= GOALS.get(other) ? "✓" : "✗");
  }

  private static double opsPerSecond(RunResult result) {
    return result.getPrimaryResult().getScore();
  }

  private static double bytesPerCall(RunResult result) {
    return result.getSecondaryResults().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
        .mapToDouble(entry -> entry.getValue().getScore()).findFirst().orElse(Double.NaN);
  }

  private static double median(List<RunResult> results, ToDoubleFunction<RunResult> value) {
    return Medians.of(results.stream().map(value::applyAsDouble).toList());
  }
}
