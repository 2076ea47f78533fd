package org.lfenergy.sogno.sdk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.lfenergy.sogno.sdk.bench.http.HttpRatios;
import org.lfenergy.sogno.sdk.bench.http.HttpRounds;
import org.lfenergy.sogno.sdk.bench.http.MeterReadingServer;
import org.lfenergy.sogno.sdk.bench.memory.JobStoreHeap;
import org.lfenergy.sogno.sdk.bench.server.ServerRuntimeRatios;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module with {@code -prof gc}: P1 and P2 (HTTP clients) in paired rounds,
 * the job-store heap harness, the other JMH benchmarks (job manager overhead) in one JMH run, then the
 * harnesses ({@link Harnesses}: job completion latency, Kafka, distributed jobs). Writes the P1/P2 tables
 * and the heap figures to {@code <out>/results.md}, every P1/P2 round to {@code http-rounds.csv} beside it.
 *
 * <p>Arguments: {@code -standard} (default: P1/P2 in 5 paired rounds, per fork 10,000 warm-up calls,
 * 5 × 1 s warm-up and 5 × 1 s measurement, see {@link HttpRounds}; the other JMH benchmarks with their own settings), {@code
 * -smoke} (one round, 1 × 1 s everywhere and the harnesses' smoke modes: checks that everything runs,
 * figures meaningless), {@code -http} (only P1, P2 and the heap harness), {@code -calls getSmall,postLarge}
 * (only these P1/P2 calls), {@code -server-runtime} (only the sdk-server runtime ÷ bare Javalin benchmark,
 * see {@link ServerRuntimeRatios}), {@code -rounds N} (P1/P2 rounds), {@code -against raw,native} (only the SDK
 * and these P1/P2 alternatives), {@code -server jetty|jdk} (the loopback server of the HTTP benchmarks,
 * see {@link MeterReadingServer}; default {@code jetty}), and {@code -out <dir>} (default {@code target/benchmarks}).
 */
public final class BenchmarkMain {
  /** Every JMH benchmark of the module except P1/P2, which {@link HttpRounds} runs. */
  private static final String OTHER_BENCHMARKS = "org\\.lfenergy\\.sogno\\.sdk\\.bench\\.(?!http\\.).*";
  private static final int JOBS = 10_000;

  private BenchmarkMain() {}

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    // Maven passes -Dbench.args="-http -calls getSmall" as one argument.
    List<String> arguments = Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+"))).toList();
    boolean smoke = arguments.contains("-smoke");
    boolean httpOnly = arguments.contains("-http");
    int outIndex = arguments.indexOf("-out");
    Path out = Path.of(outIndex >= 0 ? arguments.get(outIndex + 1) : "target/benchmarks");
    Files.createDirectories(out);

    if (smoke) {
      System.setProperty("jmh.ignoreLock", "true"); // a smoke run may overlap a real one; its figures mean nothing anyway
    }
    if (arguments.contains("-server-runtime")) {
      ServerRuntimeRatios.run(out, smoke);
      return;
    }
    int serverIndex = arguments.indexOf("-server");
    if (serverIndex >= 0) {
      System.setProperty(MeterReadingServer.SERVER_PROPERTY, arguments.get(serverIndex + 1));
    }
    String server = MeterReadingServer.kind();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int callsIndex = arguments.indexOf("-calls");
    HttpRounds rounds = smoke ? HttpRounds.smoke() : HttpRounds.standard();
    if (callsIndex >= 0) {
      rounds.only(List.of(arguments.get(callsIndex + 1).split(",")));
    }
    int roundsIndex = arguments.indexOf("-rounds");
    if (roundsIndex >= 0) {
      rounds.rounds(Integer.parseInt(arguments.get(roundsIndex + 1)));
    }
    int againstIndex = arguments.indexOf("-against");
    if (againstIndex >= 0) {
      rounds.against(List.of(arguments.get(againstIndex + 1).split(",")));
    }
    HttpRatios http = rounds.run();
    List<JobStoreHeap.Figure> heap = JobStoreHeap.measure(smoke ? 1_000 : JOBS);
    if (!httpOnly) {
      ChainedOptionsBuilder others = new OptionsBuilder()
          .include(OTHER_BENCHMARKS)
          .addProfiler(GCProfiler.class)
          .resultFormat(ResultFormatType.JSON)
          .result(out.resolve("jmh-others.json").toString());
      if (smoke) {
        others.warmupIterations(1).warmupTime(TimeValue.seconds(1))
            .measurementIterations(1).measurementTime(TimeValue.seconds(1));
      }
      new Runner(others.build()).run();
    }

    StringBuilder report = new StringBuilder("# SOGNO SDK benchmarks, run started ").append(started)
        .append(", loopback server ").append(server)
        .append(smoke ? " (SMOKE: one short iteration, figures meaningless)" : "").append("\n\n")
        .append("## P1 / P2: HTTP clients, SDK throughput ÷ the other's, median (lowest–highest) of paired rounds\n\n")
        .append(http.toMarkdown())
        .append("\n## Heap held by finished jobs in InMemoryJobStore\n\n");
    heap.forEach(figure -> report.append("- ").append(figure).append('\n'));
    Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("http-rounds.csv"), http.toCsv(), StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath().resolve("results.md"));
    if (!httpOnly) {
      Harnesses.runAll(smoke).forEach(System.out::println);
    }
  }
}
