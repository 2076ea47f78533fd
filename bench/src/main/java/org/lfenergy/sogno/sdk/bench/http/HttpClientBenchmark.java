package org.lfenergy.sogno.sdk.bench.http;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The four calls every HTTP client is measured on, against one {@link MeterReadingServer} per fork:
 * GET and POST of a small reading and of a 1,000-reading series (about 100 KB). Each subclass makes
 * the same calls with one client; {@code BenchmarkMain} divides their throughputs.
 *
 * <p>One calling thread: the figures are per-call cost (client code, JSON mapping, the loopback
 * round trip), not the server's concurrency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HttpClientBenchmark {
  /** The meter every GET asks for. */
  protected static final String METER_ID = "meter-000042";
  private static final int WARM_UP_CALLS_SMALL = Integer.getInteger("bench.warmUpCalls", 10_000);
  private static final int WARM_UP_CALLS_LARGE = WARM_UP_CALLS_SMALL / 10;

  /** One client's four calls, with their request bodies bound. */
  protected record Calls(
      Callable<?> latestReading, Callable<?> series, Callable<?> submitReading, Callable<?> submitSeries) {
    /** The call a benchmark method is named after: {@code getSmall}, {@code getLarge}, {@code postSmall}, {@code postLarge}. */
    Callable<?> named(String benchmark) {
      return switch (benchmark) {
        case "getSmall" -> latestReading;
        case "getLarge" -> series;
        case "postSmall" -> submitReading;
        case "postLarge" -> submitSeries;
        default -> throw new IllegalArgumentException("unknown call " + benchmark);
      };
    }
  }

  private MeterReadingServer server;
  private Calls calls;

  @Setup(Level.Trial)
  public final void startServerAndClient(BenchmarkParams params) throws Exception {
    server = MeterReadingServer.start();
    calls = connect(server.baseUrl());
    warmUp(params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1));
  }

  /**
   * Makes the same number of calls with every client before JMH's timed warm-up. On a busy machine a
   * time-based warm-up alone gives the client with the longer code path fewer calls, so it is still
   * being compiled while measured.
   */
  private void warmUp(String benchmark) throws Exception {
    boolean large = benchmark.endsWith("Large");
    Callable<?> call = calls.named(benchmark);
    for (int i = 0, n = large ? WARM_UP_CALLS_LARGE : WARM_UP_CALLS_SMALL; i < n; i++) {
      call.call();
    }
  }

  @TearDown(Level.Trial)
  public final void stopClientAndServer() throws Exception {
    try {
      disconnect();
    } finally {
      server.close();
    }
  }

  /** GET of one reading (about 110 bytes). */
  @Benchmark
  public Object getSmall() throws Exception {
    return calls.latestReading().call();
  }

  /** GET of a 1,000-reading series (about 100 KB). */
  @Benchmark
  public Object getLarge() throws Exception {
    return calls.series().call();
  }

  /** POST of one reading, a small receipt back. */
  @Benchmark
  public Object postSmall() throws Exception {
    return calls.submitReading().call();
  }

  /** POST of a 1,000-reading series, a small receipt back. */
  @Benchmark
  public Object postLarge() throws Exception {
    return calls.submitSeries().call();
  }

  /** Builds the client for {@code baseUrl} and the request bodies (parsed from {@link Payloads}). */
  protected abstract Calls connect(String baseUrl) throws Exception;

  /** Releases what {@link #connect} opened that would outlive the fork otherwise. */
  protected void disconnect() throws Exception {}
}
