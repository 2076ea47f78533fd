package org.lfenergy.sogno.sdk.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lfenergy.sogno.sdk.bench.ChildJvm;
import org.lfenergy.sogno.sdk.bench.Medians;

/**
 * CPU per small call, by thread, for the SDK's client and the alternatives of P1/P2: where a call's
 * CPU goes, including work off the calling thread (Okio's timeout watchdog, OkHttp's connection-pool
 * task thread, the loopback server). On a 2-vCPU machine throughput also measures the scheduler; the
 * CPU time each thread spends per call is steadier, and explains the throughput ratios.
 *
 * <p>Each client is measured in its own JVM (a child process on this class path), one per client and
 * call per round, the clients' order rotating each round: 60,000 warm-up calls, then 100,000 measured
 * calls against a {@link MeterReadingServer}. Prints, per call and client, the median over the rounds
 * of µs per call: wall clock, the whole process's CPU, and the CPU of each group of threads (the JVM's
 * own threads — JIT compilers, GC — are the process's remainder).
 *
 * <p>Arguments: {@code -rounds N} (default 3), {@code -calls getSmall,postSmall} (default both small
 * calls), {@code -clients raw,okhttp-gson} (the alternatives next to the SDK, default {@code raw}),
 * {@code -smoke} (one round of 1,000 + 1,000 calls: proves it runs, figures meaningless). The server is
 * the one {@code -Dbench.server} names (Jetty unless {@code jdk}), passed on to the child JVMs.
 */
public final class CallCpuHarness {
  private static final String RESULT = "RESULT ";
  /** Column order of the printed table; each thread group's figure is CPU µs per call. */
  private static final List<String> FIGURES =
      List.of("wall", "process", "calling thread", "loopback server", "Okio watchdog", "OkHttp task threads", "JVM (rest)");

  private CallCpuHarness() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    if (arguments.size() == 5 && arguments.get(0).equals("-child")) {
      measure(arguments.get(1), arguments.get(2), Integer.parseInt(arguments.get(3)), Integer.parseInt(arguments.get(4)));
      return;
    }
    boolean smoke = arguments.contains("-smoke");
    int rounds = smoke ? 1 : Integer.parseInt(option(arguments, "-rounds", "3"));
    List<String> calls = List.of(option(arguments, "-calls", "getSmall,postSmall").split(","));
    List<String> clients = HttpRatios.sdkAnd(List.of(option(arguments, "-clients", "raw").split(",")));
    int warmUpCalls = smoke ? 1_000 : 60_000;
    int measuredCalls = smoke ? 1_000 : 100_000;

    for (String call : calls) {
      Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < clients.size(); i++) {
          String client = clients.get((i + round) % clients.size());
          Map<String, Double> measured = child(client, call, warmUpCalls, measuredCalls);
          System.out.printf(Locale.ROOT, "%s round %d: %-26s %s%n", call, round + 1, client, measured);
          measured.forEach((figure, value) -> figures.computeIfAbsent(client, c -> new LinkedHashMap<>())
              .computeIfAbsent(figure, f -> new ArrayList<>()).add(value));
        }
      }
      System.out.println(table(call, rounds, clients, figures));
    }
  }

  private static String option(List<String> arguments, String name, String fallback) {
    int index = arguments.indexOf(name);
    return index >= 0 ? arguments.get(index + 1) : fallback;
  }

  private static Map<String, Double> child(String client, String call, int warmUpCalls, int measuredCalls)
      throws IOException, InterruptedException {
    List<String> command = ChildJvm.command(
        List.of("-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), CallCpuHarness.class.getName(),
        List.of("-child", client, call, Integer.toString(warmUpCalls), Integer.toString(measuredCalls)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, Double> result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT)) {
          result = parse(line.substring(RESULT.length()));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result == null) {
      throw new IllegalStateException(client + " " + call + ": child JVM failed, exit " + exit);
    }
    return result;
  }

  /** In the child JVM: warms up, measures, prints one {@value #RESULT} line. */
  private static void measure(String client, String call, int warmUpCalls, int measuredCalls) throws Exception {
    HttpClientBenchmark benchmark = (HttpClientBenchmark) Class.forName(
        CallCpuHarness.class.getPackageName() + "." + client).getDeclaredConstructor().newInstance();
    try (MeterReadingServer server = MeterReadingServer.start()) {
      HttpClientBenchmark.Calls calls = benchmark.connect(server.baseUrl());
      Callable<?> measured = calls.named(call);
      for (int i = 0; i < warmUpCalls; i++) {
        measured.call();
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      Map<Long, Long> threadCpuBefore = threadCpu(threads);
      long processCpuBefore = os.getProcessCpuTime();
      long wallBefore = System.nanoTime();
      for (int i = 0; i < measuredCalls; i++) {
        measured.call();
      }
      long wall = System.nanoTime() - wallBefore;
      long processCpu = os.getProcessCpuTime() - processCpuBefore;
      Map<String, Double> perCall = new LinkedHashMap<>();
      FIGURES.forEach(figure -> perCall.put(figure, 0.0));
      perCall.put("wall", wall / 1e3 / measuredCalls);
      perCall.put("process", processCpu / 1e3 / measuredCalls);
      double grouped = 0;
      for (ThreadInfo thread : threads.dumpAllThreads(false, false)) {
        String group = group(thread);
        if (group != null) {
          long cpu = threads.getThreadCpuTime(thread.getThreadId()) - threadCpuBefore.getOrDefault(thread.getThreadId(), 0L);
          perCall.merge(group, cpu / 1e3 / measuredCalls, Double::sum);
          grouped += cpu / 1e3 / measuredCalls;
        }
      }
      perCall.put("JVM (rest)", perCall.get("process") - grouped);
      benchmark.disconnect();
      StringBuilder line = new StringBuilder(RESULT);
      perCall.forEach((figure, value) -> line.append(figure).append('=')
          .append(String.format(Locale.ROOT, "%.2f", value)).append(';'));
      System.out.println(line);
    }
  }

  private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      cpu.put(id, threads.getThreadCpuTime(id));
    }
    return cpu;
  }

  /** The thread's column, or null for the JVM's own threads (counted in the process's remainder). */
  private static String group(ThreadInfo thread) {
    String name = thread.getThreadName();
    if (thread.getThreadId() == Thread.currentThread().getId()) {
      return "calling thread";
    }
    if (name.startsWith("bench-server") || name.equals("HTTP-Dispatcher")) {
      return "loopback server";
    }
    if (name.equals("Okio Watchdog")) {
      return "Okio watchdog";
    }
    return name.startsWith("OkHttp") ? "OkHttp task threads" : null;
  }

  private static Map<String, Double> parse(String line) {
    Map<String, Double> figures = new LinkedHashMap<>();
    for (String pair : line.split(";")) {
      int equals = pair.indexOf('=');
      figures.put(pair.substring(0, equals), Double.parseDouble(pair.substring(equals + 1)));
    }
    return figures;
  }

  private static String table(String call, int rounds, List<String> clients, Map<String, Map<String, List<Double>>> figures) {
    StringBuilder md = new StringBuilder("\n### ").append(call)
        .append(": µs per call, median of ").append(rounds).append(" round(s)\n\n| client |");
    FIGURES.forEach(figure -> md.append(' ').append(figure).append(" |"));
    md.append("\n|---|").append("---:|".repeat(FIGURES.size())).append('\n');
    for (String client : clients) {
      md.append("| ").append(HttpRatios.CLIENTS.get(client)).append(" |");
      for (String figure : FIGURES) {
        md.append(String.format(Locale.ROOT, " %.1f |", Medians.of(figures.get(client).get(figure))));
      }
      md.append('\n');
    }
    return md.toString();
  }
}
