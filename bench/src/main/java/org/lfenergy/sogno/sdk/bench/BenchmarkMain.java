package org.lfenergy.sogno.sdk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.lfenergy.sogno.sdk.bench.http.HttpRatios;
import org.lfenergy.sogno.sdk.bench.memory.JobStoreHeap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module: all JMH benchmarks in one JMH run with {@code -prof gc} (P1 and P2
 * HTTP clients, the job manager's per-job overhead), the job-store heap harness, then the other harnesses
 * ({@link Harnesses}: job completion latency, Kafka, distributed jobs). Writes the P1/P2 ratio tables and
 * the heap figures to {@code <out>/results.md}, JMH's raw JSON beside it.
 *
 * <p>Arguments: {@code -standard} (default: each benchmark's own settings, for HTTP 3 × 2 s warm-up and
 * 5 × 2 s measurement in one fork), {@code -smoke} (1 × 1 s each and the harnesses' smoke modes: checks
 * that everything runs, figures meaningless), {@code -http} (only P1, P2 and the heap harness), and
 * {@code -out <dir>} (default {@code target/benchmarks}).
 */
public final class BenchmarkMain {
  private static final String ALL_BENCHMARKS = "org\\.lfenergy\\.sogno\\.sdk\\.bench\\..*";
  private static final String HTTP_BENCHMARKS = "org\\.lfenergy\\.sogno\\.sdk\\.bench\\.http\\..*";
  private static final int JOBS = 10_000;

  private BenchmarkMain() {}

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    List<String> arguments = List.of(args);
    boolean smoke = arguments.contains("-smoke");
    boolean httpOnly = arguments.contains("-http");
    int outIndex = arguments.indexOf("-out");
    Path out = Path.of(outIndex >= 0 ? arguments.get(outIndex + 1) : "target/benchmarks");
    Files.createDirectories(out);

    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(httpOnly ? HTTP_BENCHMARKS : ALL_BENCHMARKS)
        .addProfiler(GCProfiler.class)
        .resultFormat(ResultFormatType.JSON)
        .result(out.resolve("jmh.json").toString());
    if (smoke) {
      System.setProperty("jmh.ignoreLock", "true"); // a smoke run may overlap a real one; its figures mean nothing anyway
      options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
          .measurementIterations(1).measurementTime(TimeValue.seconds(1));
    }
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Collection<RunResult> http = new Runner(options.build()).run();
    List<JobStoreHeap.Figure> heap = JobStoreHeap.measure(smoke ? 1_000 : JOBS);

    StringBuilder report = new StringBuilder("# SOGNO SDK benchmarks, run started ").append(started)
        .append(smoke ? " (SMOKE: one short iteration, figures meaningless)" : "").append("\n\n")
        .append("## P1 / P2: HTTP clients, throughput (ops/s, ± 99.9% interval) and ratios\n\n")
        .append(HttpRatios.of(http).toMarkdown())
        .append("\n## Heap held by finished jobs in InMemoryJobStore\n\n");
    heap.forEach(figure -> report.append("- ").append(figure).append('\n'));
    Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(report);
    System.out.println("Written to " + out.toAbsolutePath().resolve("results.md"));
    if (!httpOnly) {
      Harnesses.runAll(smoke).forEach(System.out::println);
    }
  }
}
