package org.lfenergy.sogno.sdk.bench.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns one JMH run of the HTTP benchmarks into the P1 and P2 tables: per call, the SDK's throughput
 * divided by each alternative's (with the ratio's error from both scores' 99.9% intervals), and the
 * bytes allocated per call ({@code -prof gc}).
 */
public final class HttpRatios {
  /** The clients, in table order; the first is the SDK, every ratio is SDK / other. */
  private static final Map<String, String> CLIENTS = new LinkedHashMap<>();

  static {
    CLIENTS.put(SognoClientBenchmark.class.getSimpleName(), "SDK (sogno-java)");
    CLIENTS.put(RawOkHttpBenchmark.class.getSimpleName(), "raw OkHttp + Jackson");
    CLIENTS.put(StockOkHttpGsonBenchmark.class.getSimpleName(), "stock okhttp-gson");
    CLIENTS.put(StockNativeBenchmark.class.getSimpleName(), "stock native");
  }

  private static final List<String> CALLS = List.of("getSmall", "getLarge", "postSmall", "postLarge");
  private static final Map<String, Double> GOALS = Map.of(
      RawOkHttpBenchmark.class.getSimpleName(), 0.95,
      StockOkHttpGsonBenchmark.class.getSimpleName(), 1.0,
      StockNativeBenchmark.class.getSimpleName(), 1.0);

  private final Map<String, RunResult> byName = new LinkedHashMap<>();

  private HttpRatios(Collection<RunResult> results) {
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String[] parts = benchmark.split("\\.");
      byName.put(parts[parts.length - 2] + "." + parts[parts.length - 1], result);
    }
  }

  /** The tables of {@code results}; calls or clients that did not run are left out. */
  public static HttpRatios of(Collection<RunResult> results) {
    return new HttpRatios(results);
  }

  /** Markdown: throughput and ratio table, then allocation table. */
  public String toMarkdown() {
    List<String> others = new ArrayList<>(CLIENTS.keySet()).subList(1, CLIENTS.size());
    String sdk = CLIENTS.keySet().iterator().next();
    StringBuilder md = new StringBuilder("| call | SDK ops/s |");
    others.forEach(other -> md.append(' ').append(CLIENTS.get(other)).append(" ops/s | SDK ÷ it (goal ≥ ")
        .append(GOALS.get(other)).append(") |"));
    md.append("\n|---|---:|").append("---:|---:|".repeat(others.size())).append('\n');
    for (String call : CALLS) {
      Optional<Result<?>> mine = score(sdk, call);
      if (mine.isEmpty()) {
        continue;
      }
      md.append("| ").append(call).append(" | ").append(opsPerSecond(mine.get())).append(" |");
      for (String other : others) {
        Optional<Result<?>> theirs = score(other, call);
        md.append(theirs.map(t -> " " + opsPerSecond(t) + " | " + ratio(mine.get(), t, GOALS.get(other)) + " |")
            .orElse(" – | – |"));
      }
      md.append('\n');
    }
    md.append("\n| call |");
    CLIENTS.values().forEach(name -> md.append(' ').append(name).append(" B/call |"));
    md.append("\n|---|").append("---:|".repeat(CLIENTS.size())).append('\n');
    for (String call : CALLS) {
      md.append("| ").append(call).append(" |");
      CLIENTS.keySet().forEach(client -> md.append(' ').append(allocation(client, call)).append(" |"));
      md.append('\n');
    }
    return md.toString();
  }

  private Optional<Result<?>> score(String client, String call) {
    return Optional.ofNullable(byName.get(client + "." + call)).map(result -> (Result<?>) result.getPrimaryResult());
  }

  private String allocation(String client, String call) {
    RunResult result = byName.get(client + "." + call);
    if (result == null) {
      return "–";
    }
    return result.getSecondaryResults().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
        .map(entry -> String.format(Locale.ROOT, "%,.0f", entry.getValue().getScore()))
        .findFirst().orElse("–");
  }

  private static String opsPerSecond(Result<?> result) {
    return String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), error(result));
  }

  private static String ratio(Result<?> sdk, Result<?> other, double goal) {
    double ratio = sdk.getScore() / other.getScore();
    double relative = Math.hypot(error(sdk) / sdk.getScore(), error(other) / other.getScore());
    return String.format(Locale.ROOT, "**%.2f** ± %.2f %s", ratio, ratio * relative, ratio >= goal ? "✓" : "✗");
  }

  private static double error(Result<?> result) {
    double error = result.getScoreError();
    return Double.isNaN(error) ? 0 : error;
  }
}
