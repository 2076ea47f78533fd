package org.lfenergy.sogno.sdk.bench.http;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Request;

/**
 * A control for P1, not a goal: {@link RawOkHttpBenchmark} sending what the SDK sends on every call —
 * its {@code Accept} and {@code User-Agent}, a fresh {@code X-Request-ID} and a fresh W3C
 * {@code traceparent}, drawn as cheaply as the SDK draws them. The difference between this and the plain
 * raw client is the price of those headers on the wire and in the server; the rest of the SDK's
 * difference is its own code.
 */
public class RawOkHttpSdkHeadersBenchmark extends RawOkHttpBenchmark {
  private static final HexFormat HEX = HexFormat.of();

  @Override
  protected Request.Builder headers(Request.Builder request) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    UUID requestId = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L);
    return request
        .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1")
        .header("User-Agent", "sogno-sdk-java/0.1.0-SNAPSHOT (Java 17.0.15)")
        .header("X-Request-ID", requestId.toString())
        .header("traceparent", "00-" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong() | 1)
            + "-" + HEX.toHexDigits(random.nextLong() | 1) + "-01");
  }
}
