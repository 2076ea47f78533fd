package org.lfenergy.sogno.sdk.bench.server;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;
import org.lfenergy.sogno.sdk.server.SognoServer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sdk-server runtime's own work per request, without sockets or a framework: the requests of
 * {@link ServerRuntimeBenchmark} (with the headers OkHttp sends, the body as a plain stream) handed straight to {@link
 * SognoServer#serve}, as an adapter does. Time and {@code -prof gc}'s bytes per request are the
 * runtime's alone, steady even on a loaded machine: the place to look for what the runtime adds to a
 * request, where {@link ServerRuntimeBenchmark} measures it against a bare Javalin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class PipelineBenchmark {
  private SognoServer server;
  private InetAddress loopback;

  @Setup(Level.Trial)
  public void start() {
    server = ServerReadings.runtime();
    loopback = InetAddress.getLoopbackAddress();
  }

  @Benchmark
  public OutgoingResponse get() {
    return serve(request("GET", "/v1/meters/m-1/latest-reading").body(containerStream(new byte[0]), -1), 200);
  }

  @Benchmark
  public OutgoingResponse post() {
    byte[] body = ServerRuntimeBenchmark.READING;
    return serve(request("POST", "/v1/readings")
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Content-Length", Integer.toString(body.length))
        .body(containerStream(body), body.length), 201);
  }

  /**
   * The body as a servlet container hands it over: a plain stream, without the shortcuts of {@link
   * ByteArrayInputStream} ({@code readNBytes} into an array of the exact size), so what reading it
   * costs the runtime shows.
   */
  private static InputStream containerStream(byte[] body) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {};
  }

  private IncomingRequest.Builder request(String method, String path) {
    return IncomingRequest.builder(method, path)
        .remoteAddress(loopback)
        .header("Host", "127.0.0.1:8080")
        .header("Connection", "Keep-Alive")
        .header("Accept-Encoding", "gzip")
        .header("User-Agent", "okhttp/5.5.1");
  }

  /** The answer; fails the benchmark on any other status than {@code expected}. */
  private OutgoingResponse serve(IncomingRequest.Builder request, int expected) {
    OutgoingResponse response = server.serve(request.build()).join();
    if (response.status() != expected) {
      throw new IllegalStateException("answered " + response.status() + ": " + new String(response.body(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return response;
  }
}
