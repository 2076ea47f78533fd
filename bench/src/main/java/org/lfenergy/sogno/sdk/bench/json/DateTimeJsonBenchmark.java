package org.lfenergy.sogno.sdk.bench.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.bench.RawJackson;
import org.lfenergy.sogno.sdk.bench.http.Payloads;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON under P1's small calls and P4's payloads, alone: one reading (about 110 bytes, one
 * RFC 3339 date-time) read and written by the SDK's {@link SognoJson}, whose date-times skip
 * {@code DateTimeFormatter}, and by a plain Jackson mapper with the stock {@code JavaTimeModule}
 * ({@link RawJackson}, the raw baselines' mapper). And one job resource read by the SDK ({@link #readJob}):
 * a running job with four date-times, a lease extension and a link, 402 bytes — what every replica of
 * sdk-async-kafka's {@code DistributedJobs} reads for each record on the state topic (P7), and a job
 * client for each poll's body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DateTimeJsonBenchmark {
  /** The bench spec's reading as a developer would write it. */
  public record Reading(String meterId, OffsetDateTime timestamp, double value, String unit, String quality) {}

  static final byte[] RUNNING_JOB = ("{\"id\":\"4f0c6b3e-2f4e-4d51-9c8e-0d1e5b7a9c21\",\"status\":\"running\","
      + "\"kind\":\"powerflow\",\"createdAt\":\"2026-12-07T21:00:00.123456Z\",\"updatedAt\":\"2026-12-07T21:00:00.131002Z\","
      + "\"startedAt\":\"2026-12-07T21:00:00.131002Z\",\"expiresAt\":\"2026-12-08T21:00:00.123456Z\","
      + "\"lease\":{\"owner\":\"replica-1-worker-3\",\"until\":\"2026-12-07T21:00:30.131002Z\"},"
      + "\"links\":{\"self\":{\"href\":\"/v1/jobs/4f0c6b3e-2f4e-4d51-9c8e-0d1e5b7a9c21\"}}}")
      .getBytes(StandardCharsets.UTF_8);

  private final SognoJson sdk = SognoJson.defaults();
  private final ObjectMapper jackson = RawJackson.mapper();
  private final Reading reading = sdk.read(Payloads.SMALL, Reading.class);

  @Benchmark
  public Reading readSdk() {
    return sdk.read(Payloads.SMALL, Reading.class);
  }

  @Benchmark
  public Reading readJackson() throws IOException {
    return jackson.readValue(Payloads.SMALL, Reading.class);
  }

  @Benchmark
  public Job readJob() {
    return sdk.read(RUNNING_JOB, Job.class);
  }

  @Benchmark
  public byte[] writeSdk() {
    return sdk.write(reading);
  }

  @Benchmark
  public byte[] writeJackson() throws IOException {
    return jackson.writeValueAsBytes(reading);
  }
}
