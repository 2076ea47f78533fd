package org.lfenergy.sogno.sdk.bench.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON bodies of the HTTP benchmarks, built deterministically once: every client reads and writes
 * exactly these bytes (responses) or the objects parsed from them (requests).
 */
public final class Payloads {
  /** Readings in the large series; about 100 KB of JSON. */
  public static final int SERIES_LENGTH = 1_000;

  private static final String[] QUALITIES = {"measured", "estimated", "missing"};
  private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

  /** One reading, about 110 bytes. */
  public static final byte[] SMALL = utf8(reading(0));
  /** {@value #SERIES_LENGTH} readings, about 100 KB. */
  public static final byte[] LARGE = utf8(series());
  /** What both POST operations answer. */
  public static final byte[] RECEIPT = utf8("{\"id\":\"rcpt-7f3c2a\",\"accepted\":1}");

  private Payloads() {}

  private static String series() {
    StringBuilder json = new StringBuilder(110 * SERIES_LENGTH).append("{\"meterId\":\"meter-000042\",\"readings\":[");
    for (int i = 0; i < SERIES_LENGTH; i++) {
      json.append(i == 0 ? "" : ",").append(reading(i));
    }
    return json.append("]}").toString();
  }

  private static String reading(int i) {
    return String.format(Locale.ROOT,
        "{\"meterId\":\"meter-000042\",\"timestamp\":\"%s\",\"value\":%.4f,\"unit\":\"V\",\"quality\":\"%s\"}",
        START.plusSeconds(900L * i), 230.0 + (i % 97) * 0.0731, QUALITIES[i % QUALITIES.length]);
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
