package org.lfenergy.sogno.sdk.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests per second of a small validated POST and a GET through the sdk-server runtime on Javalin
 * (the generated handler interface, validation against the spec, problems, request ids) against a bare
 * Javalin handler that parses the same body by hand with Jackson. Both servers run in the benchmark's
 * JVM, called over loopback by the same OkHttp client from two threads; {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is the allocation per request, client included (the same client on both
 * sides). {@link ServerRuntimeRatios} runs it and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServerRuntimeBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  static final byte[] READING = ("{\"meterId\":\"m-1\",\"timestamp\":\"2026-03-01T10:15:00Z\",\"value\":1234.5,"
      + "\"unit\":\"kWh\",\"quality\":\"measured\"}").getBytes(StandardCharsets.UTF_8);

  private JavalinServer runtime;
  private BareJavalinReadings bare;
  private OkHttpClient client;
  private String runtimeBase;
  private String bareBase;

  @Setup(Level.Trial)
  public void start() {
    runtime = ServerReadings.start();
    bare = new BareJavalinReadings();
    runtimeBase = "http://127.0.0.1:" + runtime.port();
    bareBase = "http://127.0.0.1:" + bare.port();
    client = new OkHttpClient.Builder().connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES)).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    runtime.close();
    bare.close();
  }

  @Benchmark
  public int runtimeGet() throws IOException {
    return get(runtimeBase);
  }

  @Benchmark
  public int bareGet() throws IOException {
    return get(bareBase);
  }

  @Benchmark
  public int runtimePost() throws IOException {
    return post(runtimeBase);
  }

  @Benchmark
  public int barePost() throws IOException {
    return post(bareBase);
  }

  private int get(String base) throws IOException {
    return call(new Request.Builder().url(base + "/v1/meters/m-1/latest-reading").build(), 200);
  }

  private int post(String base) throws IOException {
    return call(new Request.Builder().url(base + "/v1/readings").post(RequestBody.create(READING, JSON)).build(), 201);
  }

  /** The body's length; fails the benchmark on any other status than {@code expected}. */
  private int call(Request request, int expected) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      byte[] body = response.body().bytes();
      if (response.code() != expected) {
        throw new IllegalStateException(request.url() + " answered " + response.code() + ": "
            + new String(body, StandardCharsets.UTF_8));
      }
      return body.length;
    }
  }
}
