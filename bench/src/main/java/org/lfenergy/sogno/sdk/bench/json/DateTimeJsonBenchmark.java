package org.lfenergy.sogno.sdk.bench.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
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
 * ({@link RawJackson}, the raw baselines' mapper).
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
  public byte[] writeSdk() {
    return sdk.write(reading);
  }

  @Benchmark
  public byte[] writeJackson() throws IOException {
    return jackson.writeValueAsBytes(reading);
  }
}
